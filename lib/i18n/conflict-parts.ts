import type { ConflictParts } from "@/lib/data/errors";
import { changeLabels } from "./change-labels";
import { defaultLocale, type Locale } from "./locales";
import { translator } from "./messages";

/**
 * The arguments a conflict's message takes from its parts, in the reader's words: `{changes}`
 * ("Website, Description in French") and `{differences}` ("Name: “A” there, “B” here; Contacts").
 * English needs none: the message was written with them.
 */
export async function conflictArguments(locale: Locale, parts: ConflictParts | undefined): Promise<Record<string, string> | undefined> {
  if (!parts || locale === defaultLocale) return undefined;
  const [labels, t] = await Promise.all([changeLabels(locale), translator(locale, "Changes")]);
  const values: Record<string, string> = {};
  if (parts.changes) values.changes = [...new Set(parts.changes.map(labels.ofKey))].join(", ");
  if (parts.differences) {
    values.differences = parts.differences
      .map(({ key, there, here }) => (there === undefined && here === undefined ? labels.ofKey(key) : t("differsItem", { field: labels.ofKey(key), there: there ?? t("empty"), here: here ?? t("empty") })))
      .join("; ");
  }
  return values;
}
