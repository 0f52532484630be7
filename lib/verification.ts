// When a listing was checked, by whom in general terms, and when it is due again. Pure: used by
// the public page, the API, the CSV export and the due list.

export const verificationSources = ["STAFF", "ORGANISATION", "IMPORT"] as const;
export type VerificationSource = (typeof verificationSources)[number];

/** The same instant `months` calendar months later, in UTC (31 January + 1 month is 28 or 29 February). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
  ).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** When a listing is due for checking again: `months` after its last verification, or after its creation when never verified. */
export function verificationDueAt(
  listing: { lastVerifiedAt: Date | null; createdAt: Date },
  months: number,
): Date {
  return addMonths(listing.lastVerifiedAt ?? listing.createdAt, months);
}

const byWhom: Record<VerificationSource, string> = {
  STAFF: "by PROVA staff",
  ORGANISATION: "confirmed by the organisation",
  IMPORT: "from an import",
};

const longDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** The public page's line: "Last checked on 3 December 2026 by PROVA staff", or "Not checked yet." */
export function lastCheckedText(
  lastVerifiedAt: Date | null,
  source: VerificationSource | null,
): string {
  if (!lastVerifiedAt) return "Not checked yet.";
  if (source === "ORGANISATION") return `Confirmed by the organisation on ${longDate.format(lastVerifiedAt)}.`;
  const how = source ? ` ${byWhom[source]}` : "";
  return `Last checked on ${longDate.format(lastVerifiedAt)}${how}.`;
}

/** The source as the API and the CSV export name it. */
export const apiSource = (
  source: VerificationSource | null,
): "staff" | "organisation" | "import" | null =>
  source === null
    ? null
    : (source.toLowerCase() as "staff" | "organisation" | "import");

/** How a verification was made, for staff. */
export const verificationSourceLabels: Record<VerificationSource, string> = {
  STAFF: "a staff check",
  ORGANISATION: "confirmed by the organisation",
  IMPORT: "an import",
};

/** The edit page's "Last verified" value: when, by whom and how, as far as it is known. */
export function verificationSummary(at: Date, by: string | null, source: VerificationSource | null, format: (date: Date) => string): string {
  const who = by ? ` by ${by}` : "";
  const how = source ? ` (${verificationSourceLabels[source]})` : "";
  return `${format(at)}${who}${how}`;
}
