// One spreadsheet row as an organisation: its cells read through the mapping, then checked and
// normalised by the same schema as the forms (lib/validation/organisation.ts), each error named
// with its column, in words.
import { ContactType, OrganisationKind } from "@/lib/generated/prisma/enums";
import { contactsSchema } from "@/lib/validation/contact";
import { organisationInputSchema, organisationSchema, type Organisation } from "@/lib/validation/organisation";
import { translationKey } from "@/lib/change-sets/document";
import { languageOf, translationFields } from "./translation-fields";
import { organisationKindLabels } from "@/lib/validation/labels";
import { kindCodes, normaliseHeader, type ImportField, type Mapping } from "./mapping";
import { columnLetter } from "./read";
import { languageNameIn, locales, type Locale } from "@/lib/i18n/locales";

export type RowError = { field: string; column: string | null; message: string };
/**
 * A row's organisation: its fields, the language its name and description are written in (null
 * when the file does not say), and its description in other languages ("fr:description" → text,
 * filled cells only).
 */
export type ImportedOrganisation = Organisation & { originalLanguage: Locale | null; translations: Record<string, string> };
export type ParsedRow = { organisation: ImportedOrganisation; errors: [] } | { organisation: null; errors: RowError[] };

/** The languages country names are read in (the directory's). */
const languages = ["en", "fr", "nl", "de", "it", "es", "ro"];

/**
 * Countries by what a cell may say: the code, or the name in any of the seven languages ("BE",
 * "Belgium", "Belgique", "België", "Belgien", "Belgio", "Bélgica", "Belgia"), compared without case
 * or accents.
 */
export function countryLookup(codes: string[]): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const language of languages) {
    const names = new Intl.DisplayNames([language], { type: "region" });
    for (const code of codes) {
      const name = names.of(code);
      if (name) lookup.set(normaliseHeader(name), code);
    }
  }
  for (const code of codes) lookup.set(code.toLowerCase(), code);
  return lookup;
}

/** Several countries in one cell: "BE, FR", "Belgium; France", "be fr", one per line. */
function countriesOf(cell: string, lookup: Map<string, string>): { codes: string[]; unknown: string[] } {
  const whole = lookup.get(normaliseHeader(cell));
  if (whole) return { codes: [whole], unknown: [] };
  const parts = cell.split(/[,;/|\n]+/).map((part) => part.trim()).filter(Boolean);
  // "be fr" (the export's form): codes separated by spaces.
  const words = parts.length === 1 && /^[a-z]{2}(\s+[a-z]{2})+$/i.test(parts[0]) ? parts[0].split(/\s+/) : parts;
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of words) {
    const code = lookup.get(normaliseHeader(part));
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(part);
  }
  return { codes, unknown };
}

/** The directory's languages by what a cell may say: the code, or the language's name in any of them ("fr", "French", "Français", "Frans"). */
const languageByText = new Map<string, Locale>(
  locales.flatMap((language) => [[language, language] as const, ...languages.map((reader) => [normaliseHeader(languageNameIn(reader as Locale, language)), language] as const)]),
);

const kindByText = new Map<string, OrganisationKind>([
  ...Object.values(OrganisationKind).map((kind) => [normaliseHeader(kind), kind] as const),
  ...Object.entries(organisationKindLabels).map(([kind, label]) => [normaliseHeader(label), kind as OrganisationKind] as const),
  [normaliseHeader("NGO"), "NGO"],
]);

const contactTypes: Partial<Record<ImportField, ContactType>> = { email: "EMAIL", phone: "PHONE", fax: "FAX", address: "ADDRESS", contact_form: "CONTACT_FORM" };

/**
 * The values of a contact cell: several separated by " | " (the export's form) or by lines, e-mail
 * addresses also by "," or ";"; each may begin with its label ("Office: +32 2 …").
 */
function contactValues(cell: string, field: ImportField): { label: string | null; value: string }[] {
  const separator = field === "email" ? /\s*(?:\||\n|,|;)\s*/ : /\s*(?:\||\n)\s*/;
  return cell
    .split(field === "address" ? /\s*\|\s*/ : separator)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const labelled = /^([^:\n]{1,100}):\s+(\S.*)$/s.exec(part);
      return labelled ? { label: labelled[1].trim(), value: labelled[2].trim() } : { label: null, value: part };
    });
}

/** A cell as it was typed: the apostrophe an export puts before a formula-like text taken off. */
function asTyped(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Reads one row through the mapping; `row` is its number as the spreadsheet shows it. */
export function parseRow(cells: string[], fields: ImportField[], mapping: Mapping, countries: Map<string, string>): ParsedRow {
  const errors: RowError[] = [];
  const columnOf = (field: ImportField) => {
    const index = fields.indexOf(field);
    return index >= 0 ? columnLetter(index) : null;
  };
  const cell = (field: ImportField) => {
    const index = fields.indexOf(field);
    return index >= 0 ? asTyped(cells[index] ?? "").trim() : "";
  };

  const kindCell = cell("kind");
  let kind: OrganisationKind | undefined;
  if (kindCell) {
    const mapped = mapping.values.kind?.[kindCell];
    kind = mapped ? (mapped.toUpperCase() as OrganisationKind) : kindByText.get(normaliseHeader(kindCell));
    if (!kind) errors.push({ field: "kind", column: columnOf("kind"), message: `"${kindCell}" is not a kind of organisation: map it to one of ${kindCodes.join(", ")}.` });
  } else if (mapping.defaults.kind) {
    kind = mapping.defaults.kind.toUpperCase() as OrganisationKind;
  }

  const languageCell = cell("original_language");
  const originalLanguage = languageCell ? (languageByText.get(normaliseHeader(languageCell)) ?? null) : null;
  if (languageCell && !originalLanguage) {
    errors.push({ field: "original_language", column: columnOf("original_language"), message: `"${languageCell}" is not one of the directory's languages: use its two-letter code (en, fr, nl, de, it, es, ro) or its name.` });
  }

  const countryCell = cell("countries") || mapping.defaults.countries || "";
  const { codes, unknown } = countriesOf(countryCell, countries);
  for (const name of unknown) errors.push({ field: "countries", column: columnOf("countries"), message: `"${name}" is not a country the directory knows: use its name or its two-letter code.` });

  // Contacts in the order of their columns, as the form keeps them.
  const contacts: { type: ContactType; label: string | null; value: string; column: string }[] = [];
  fields.forEach((field, index) => {
    const type = contactTypes[field];
    if (!type) return;
    for (const { label, value } of contactValues(asTyped(cells[index] ?? ""), field)) contacts.push({ type, label, value, column: columnLetter(index) });
  });

  const input = {
    name: cell("name"),
    acronym: cell("acronym"),
    kind: kind ?? "",
    description: cell("description"),
    website: cell("website"),
    countries: codes,
    contacts: contacts.map(({ type, label, value }) => ({ type, label, value })),
  };
  // The fields and the contacts are checked apart, so that every error of the row is said at once
  // (the organisation schema checks the contacts only once the rest is valid).
  const fieldsChecked = organisationInputSchema.safeParse(input);
  for (const issue of fieldsChecked.error?.issues ?? []) {
    const field = String(issue.path[0] ?? "row");
    // The kind's and the countries' own errors are said above, in better words.
    if ((field === "kind" && kindCell) || (field === "countries" && unknown.length > 0)) continue;
    errors.push({ field, column: columnOf(field as ImportField), message: issue.message });
  }
  const contactsChecked = contactsSchema(codes[0]).safeParse(input.contacts);
  for (const issue of contactsChecked.error?.issues ?? []) {
    const contact = typeof issue.path[0] === "number" ? contacts[issue.path[0]] : undefined;
    errors.push({ field: contact ? fieldOfType(contact.type) : "contacts", column: contact?.column ?? null, message: issue.message });
  }
  const translations: Record<string, string> = {};
  for (const field of translationFields) {
    const text = organisationInputSchema.shape.description.safeParse(cell(field));
    if (!text.success) errors.push({ field, column: columnOf(field), message: text.error.issues[0].message });
    else if (text.data) translations[translationKey(languageOf(field), "description")] = text.data;
  }
  if (errors.length > 0) return { organisation: null, errors };
  return { organisation: { ...organisationSchema.parse(input), originalLanguage, translations }, errors: [] };
}

function fieldOfType(type: ContactType): ImportField {
  return (Object.entries(contactTypes).find(([, value]) => value === type)?.[0] ?? "ignore") as ImportField;
}
