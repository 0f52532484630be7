import type { PublishedRevision } from "@/lib/data/reviews";

// What a change was drafted from, in words, for the review page and the queue: the revision's
// number is the organisation's lock version it published (prisma/schema.prisma, Revision).

const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "revision 4 of 3 March 2026" (without the date when it was not stored). */
export function revisionText({ revision, publishedAt }: PublishedRevision): string {
  return `revision ${revision}${publishedAt ? ` of ${day.format(publishedAt)}` : ""}`;
}

/** "Drafted from the version published on 3 March 2026 (revision 4)." */
export function draftedFromText(from: PublishedRevision | null): string {
  if (!from) return "A new organisation: nothing of it was published before.";
  if (!from.publishedAt) return `Drafted from revision ${from.revision} of the listing.`;
  return `Drafted from the version published on ${day.format(from.publishedAt)} (revision ${from.revision}).`;
}

/** "The listing has changed since: revision 6 of 3 May 2026." Null when it has not. */
export function changedSinceText(now: PublishedRevision | null): string | null {
  return now ? `The listing has changed since: ${revisionText(now)}.` : null;
}
