import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/changes/status-badge";
import { ChangeValue, type ValueTexts } from "@/components/reviews/change-value";
import { AdoptButton } from "@/components/reviews/adopt-button";
import { DecisionForm } from "@/components/reviews/decision-form";
import { WordDiff } from "@/components/reviews/word-diff";
import { currentSession, requireRole } from "@/lib/auth/session";
import type { Change, ContactDocument } from "@/lib/change-sets/document";
import { countryNames } from "@/lib/data/countries";
import { getChangeSetForReview, type PublishedRevision, type ReviewDetail } from "@/lib/data/reviews";
import { countryNameIn, defaultLocale, formatDay, languageNameIn, type Locale } from "@/lib/i18n/locales";
import { isId } from "@/lib/validation/ids";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Reviews" });
  return { title: t("reviewTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }> };
type Texts = Awaited<ReturnType<typeof getTranslations<"Reviews">>>;

function title(change: Change, t: Texts, locale: Locale) {
  if (change.type === "field") return t("field", { field: change.field });
  if (change.type === "order") return t("order");
  if (change.type === "translation") return t("translation", { part: change.part, language: languageNameIn(locale, change.language) });
  return t("contactChange", { change: change.change });
}

/**
 * Who wrote the change and when it was submitted. A public suggestion has a sender, not an author
 * (nobody on the staff wrote it), named as they gave it: "a member of the public, Sam (sam@example.org)".
 */
function byline(review: ReviewDetail, t: Texts) {
  const submitted = review.submittedAt ? { submitted: "yes", date: review.submittedAt.toISOString().slice(0, 10) } : { submitted: "no", date: "" };
  const suggester = review.suggester;
  if (suggester) {
    return t("suggestedBy", {
      from: suggester.fromOrganisation ? "organisation" : "public",
      hasName: suggester.name ? "yes" : "no",
      name: suggester.name ?? "",
      hasEmail: suggester.email ? "yes" : "no",
      email: suggester.email ?? "",
      ...submitted,
    });
  }
  return review.author ? t("byAuthor", { author: review.author, ...submitted }) : t("byNobody", submitted);
}

/** What the change was drafted from: "Drafted from the version published on 3 March 2026 (revision 4)." */
function draftedFromText(from: PublishedRevision | null, t: Texts, locale: Locale) {
  if (!from) return t("draftedFromNothing");
  if (!from.publishedAt) return t("draftedFromRevision", { revision: from.revision });
  return t("draftedFromVersion", { revision: from.revision, date: formatDay(locale, from.publishedAt) });
}

/** "The listing has changed since: revision 6 of 3 May 2026." Null when it has not. */
function changedSinceText(now: PublishedRevision | null, t: Texts, locale: Locale) {
  if (!now) return null;
  const revision = now.publishedAt ? t("revisionOf", { revision: now.revision, date: formatDay(locale, now.publishedAt) }) : t("revision", { revision: now.revision });
  return t("changedSince", { revision });
}

export default async function ReviewPage({ params }: Props) {
  const { id } = await params;
  const session = await requireRole(["ADMIN", "REVIEWER"], `/admin/reviews/${id}`);
  const locale = session.user.language ?? defaultLocale;
  const review = isId(id) ? await getChangeSetForReview(id) : null;
  if (!review) notFound();
  const [t, kinds, types, names] = await Promise.all([
    getTranslations({ locale, namespace: "Reviews" }),
    getTranslations({ locale, namespace: "Kinds" }),
    getTranslations({ locale, namespace: "ContactTypes" }),
    countryNames(),
  ]);
  const countries = new Map([...names].map(([code, name]) => [code, countryNameIn(locale, code, name)]));
  const texts: ValueTexts = {
    empty: t("empty"),
    archived: t("archived"),
    listed: t("listed"),
    contact: (type, label, value) => (label ? t("contactLabelled", { type: types(type), label, value }) : t("contact", { type: types(type), value })),
    typed: (value) => t("typed", { value }),
    kind: (kind) => kinds(kind),
    language: (code) => languageNameIn(locale, code),
  };
  // Once decided, the listing has moved on by this very change: only an open one is told.
  const changedSince = review.status === "SUBMITTED" ? changedSinceText(review.publishedNow, t, locale) : null;
  const stale = review.moved.length > 0;
  const contacts = new Map<string, ContactDocument>([...(review.base?.contacts ?? []), ...review.proposed.contacts].map((contact) => [contact.id, contact]));
  const own = review.authorId === session.user.id;
  const table = (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">{t("tableCaption", { stale: stale ? "yes" : "no" })}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-2 pr-4">{t("change")}</th>
          {review.base ? <th scope="col" className="py-2 pr-4">{stale ? t("draftedFrom") : t("published")}</th> : null}
          {stale ? <th scope="col" className="py-2 pr-4">{t("publishedNow")}</th> : null}
          <th scope="col" className="py-2 pr-4">{t("proposed")}</th>
          {review.status === "SUBMITTED" && !own ? <th scope="col" className="py-2">{t("accept")}</th> : null}
        </tr>
      </thead>
      <tbody>
        {review.changes.map((change) => {
          const moved = review.moved.includes(change.key);
          const now =
            change.type === "field"
              ? review.current?.[change.field]
              : change.type === "contact"
                ? (review.current?.contacts.find((contact) => contact.id === (change.base ?? change.proposed)?.id) ?? null)
                : change.type === "translation"
                  ? (review.current?.translations[`${change.language}:${change.part}`] ?? null)
                  : review.current?.contacts.map((contact) => contact.id);
          // A description (or its translation) that was there before is compared word by word.
          const longText = ((change.type === "field" && change.field === "description") || (change.type === "translation" && change.part === "description" && change.base)) && review.base;
          return (
            <tr key={change.key} className={`border-b border-slate-200 align-top ${moved ? "bg-amber-50" : ""}`}>
              <th scope="row" className="py-2 pr-4 font-medium">
                {title(change, t, locale)}
                {moved ? <span className="block text-xs font-normal text-amber-900">{t("changedSinceDrafted")}</span> : null}
              </th>
              {review.base ? (
                <td className="py-2 pr-4">
                  <ChangeValue change={change} side={change.base} names={contacts} countries={countries} texts={texts} />
                </td>
              ) : null}
              {stale ? (
                <td className="py-2 pr-4">
                  {moved ? <ChangeValue change={change} side={now} names={contacts} countries={countries} texts={texts} /> : <span className="text-slate-500">{t("unchanged")}</span>}
                </td>
              ) : null}
              <td className="py-2 pr-4">
                {longText ? (
                  <WordDiff before={String(change.base ?? "")} after={String(change.proposed ?? "")} />
                ) : (
                  <ChangeValue change={change} side={change.proposed} names={contacts} countries={countries} texts={texts} />
                )}
              </td>
              {review.status === "SUBMITTED" && !own ? (
                <td className="py-2">
                  <input type="checkbox" name="accept" value={change.key} defaultChecked={!moved} aria-label={t("acceptChange", { change: title(change, t, locale) })} className="size-5" />
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  return (
    <>
      <Breadcrumb href="/admin/reviews" label={t("title")} current={review.proposed.name} />
      <h1 className="mt-1 text-2xl font-bold text-brand-900">{t("heading", { kind: review.kind, name: review.base?.name ?? review.proposed.name })}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-3 text-slate-700">
        <StatusBadge status={review.status} locale={locale} />
        <span>{byline(review, t)}</span>
        {review.status === "SUBMITTED" ? (
          <Link href={`/admin/changes/${review.id}/preview`} className="font-medium text-brand-700 underline">
            {t("preview")}
          </Link>
        ) : null}
      </p>
      <p className="mt-2 text-slate-700">
        {draftedFromText(review.draftedFrom, t, locale)}
        {changedSince ? ` ${changedSince}` : ""}
        {changedSince && !stale ? ` ${t("appliesOnTop")}` : ""}
      </p>
      {review.note ? (
        <p className="mt-3">
          <span className="font-medium">{review.suggester ? t("noteFromSender") : t("noteFromAuthor")}</span> {review.note}
        </p>
      ) : null}
      {stale ? (
        <p role="note" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          {t("staleNote")}
        </p>
      ) : null}
      {review.status !== "SUBMITTED" ? (
        <div className="mt-6">{table}</div>
      ) : own ? (
        <>
          <p role="note" className="mt-4 rounded-md border border-slate-300 bg-slate-50 px-3 py-2">
            {t("ownChange")}
          </p>
          <div className="mt-6">{table}</div>
        </>
      ) : (
        <>
          <DecisionForm
            changeSetId={review.id}
            revision={review.revision}
            canSendBack={!review.suggester}
            texts={{
              approve: t("approve"),
              requestChanges: t("requestChanges"),
              reject: t("reject"),
              saving: t("savingDecision"),
              acceptAll: t("acceptAll"),
              rejectAll: t("rejectAll"),
              noteLabel: t("noteLabel", { recipient: review.suggester ? "sender" : "author" }),
              noteHint: t("noteHint", { sendBack: review.suggester ? "no" : "yes", recipient: review.suggester ? "sender" : "author" }),
            }}
          >
            {table}
          </DecisionForm>
          {review.suggester ? <AdoptButton changeSetId={review.id} locale={locale} /> : null}
        </>
      )}
    </>
  );
}
