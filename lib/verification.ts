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

/**
 * The message ("Organisation" in messages/<locale>.json) that says when a listing was last checked
 * and, in general terms, by whom; its `date` argument is the day.
 */
export function lastCheckedMessage(
  lastVerifiedAt: Date | string | null,
  source: VerificationSource | null,
): "notChecked" | "confirmed" | "checkedByStaff" | "checkedByImport" | "checked" {
  if (!lastVerifiedAt) return "notChecked";
  if (source === "ORGANISATION") return "confirmed";
  if (source === "STAFF") return "checkedByStaff";
  if (source === "IMPORT") return "checkedByImport";
  return "checked";
}

/** The source as the API and the CSV export name it. */
export const apiSource = (
  source: VerificationSource | null,
): "staff" | "organisation" | "import" | null =>
  source === null
    ? null
    : (source.toLowerCase() as "staff" | "organisation" | "import");
