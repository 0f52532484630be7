import { stringify } from "csv-stringify";
import type { ApiOrganisation } from "@/lib/data/public-api";
import { locales } from "@/i18n/locales";

// `description` and `name` are as written (in `original_language`); then the description in each
// language, the original in its own language's column, a translation in its, empty where there is none.
export const csvColumns = [
  "slug",
  "name",
  "acronym",
  "kind",
  "countries",
  "website",
  "description",
  "emails",
  "phones",
  "faxes",
  "addresses",
  "contact_forms",
  "last_verified_at",
  "last_verified_source",
  "updated_at",
  "original_language",
  ...locales.map((language) => `description_${language}` as const),
] as const;

/**
 * A cell a spreadsheet will not run: text starting with =, +, - or @ (or a tab or carriage return)
 * would be read as a formula, so it gets a leading apostrophe (OWASP's advice for CSV injection).
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const valuesOf = (organisation: ApiOrganisation, type: string) =>
  organisation.contacts
    .filter((contact) => contact.type === type)
    .map((contact) => (contact.label ? `${contact.label}: ${contact.value}` : contact.value))
    .join(" | ");

/** The description as written: the one given unless it is a translation (the export asks for none). */
const originalDescription = (organisation: ApiOrganisation) => (organisation.language === organisation.originalLanguage ? organisation.description : "");

/** One organisation as a CSV row: contacts in typed columns, several values joined by " | ". */
export function csvRow(organisation: ApiOrganisation): string[] {
  return [
    organisation.slug,
    organisation.name,
    organisation.acronym ?? "",
    organisation.kind,
    organisation.countries.map((country) => country.code.toLowerCase()).join(" "),
    organisation.website ?? "",
    organisation.description,
    valuesOf(organisation, "email"),
    valuesOf(organisation, "phone"),
    valuesOf(organisation, "fax"),
    valuesOf(organisation, "address"),
    valuesOf(organisation, "contact_form"),
    organisation.lastVerifiedAt ?? "",
    organisation.lastVerifiedSource ?? "",
    organisation.updatedAt,
    organisation.originalLanguage,
    ...locales.map((language) => (language === organisation.originalLanguage ? originalDescription(organisation) : (organisation.translations[language]?.description ?? ""))),
  ].map(neutralise);
}

/** The CSV as a byte stream: UTF-8 with a BOM (so spreadsheets read the accents), rows as they are read. */
export function csvStream(rows: AsyncIterable<ApiOrganisation>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  // A line break inside a cell (a multi-line address) is quoted: csv-stringify quotes only the record delimiter.
  const stringifier = stringify({ header: true, columns: [...csvColumns], record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode("\uFEFF"));
      }
      const next = await iterator.next();
      if (next.done) {
        stringifier.end();
        for await (const chunk of stringifier) controller.enqueue(encoder.encode(String(chunk)));
        controller.close();
        return;
      }
      stringifier.write(csvRow(next.value));
      let chunk: unknown;
      while ((chunk = stringifier.read()) !== null) controller.enqueue(encoder.encode(String(chunk)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
