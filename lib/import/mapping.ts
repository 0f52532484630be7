// Which column of a spreadsheet is which field of an organisation: suggested from the header row
// in the directory's seven languages, confirmed (or given) by the user as a mapping, the same JSON
// the import page remembers and `npm run import -- --mapping FILE` reads.
import { z } from "zod";
import { OrganisationKind } from "@/lib/generated/prisma/enums";
import { columnLetter } from "./read";
import { languageOf, translationFields, translationHeader, type TranslationField } from "./translation-fields";

export { translationFields, translationHeader, type TranslationField };

export const importFields = ["name", "acronym", "kind", "countries", "description", "original_language", "website", "email", "phone", "fax", "address", "contact_form", ...translationFields, "ignore"] as const;
export type ImportField = (typeof importFields)[number];


/** Fields a file may have several columns of (extra contact columns); the others once at most. */
export const repeatableFields: ReadonlySet<ImportField> = new Set(["email", "phone", "fax", "address", "contact_form", "ignore"]);

/** The kinds as the API and the mapping name them. */
export const kindCodes = Object.values(OrganisationKind).map((kind) => kind.toLowerCase()) as Lowercase<OrganisationKind>[];
const kindCode = z.enum(kindCodes as [Lowercase<OrganisationKind>, ...Lowercase<OrganisationKind>[]], {
  error: `Use one of the kinds ${kindCodes.join(", ")}.`,
});

/** The mapping as the page remembers it and the command line reads it. */
export const mappingSchema = z.strictObject({
  /** By header text or column letter. */
  columns: z.record(z.string().min(1).max(200), z.enum(importFields, { error: `Map each column to one of ${importFields.join(", ")}.` })),
  /** Cell values translated to kinds, e.g. {"kind": {"Verein": "ngo"}}. */
  values: z.strictObject({ kind: z.record(z.string().max(200), kindCode).optional() }).default({}),
  /** For rows whose cell is empty (or for a file without the column). */
  defaults: z.strictObject({ kind: kindCode.optional(), countries: z.string().max(200).optional() }).default({}),
});
export type Mapping = z.output<typeof mappingSchema>;

/**
 * Header words that suggest each field, in English, French, Dutch, German, Italian, Spanish and
 * Romanian, compared without case, accents or punctuation. "Webside" is the original directory's.
 */
const synonyms: Record<Exclude<ImportField, "ignore" | TranslationField>, string[]> = {
  name: ["name", "organisation", "organization", "organisation name", "organization name", "nom", "nom de l organisation", "organisme", "naam", "organisatie", "naam organisatie", "naam van de organisatie", "organisationsname", "bezeichnung", "nome", "organizzazione", "denominazione", "nome organizzazione", "nombre", "organizacion", "nombre de la organizacion", "entidad", "nume", "organizatie", "denumire", "numele organizatiei"],
  acronym: ["acronym", "abbreviation", "short name", "sigle", "acronyme", "afkorting", "akronym", "abkurzung", "kurzel", "sigla", "acronimo", "acronim", "prescurtare"],
  kind: ["kind", "type", "category", "kind of organisation", "type of organisation", "type d organisation", "categorie", "soort", "soort organisatie", "art", "typ", "kategorie", "organisationsart", "tipo", "categoria", "tipo di organizzazione", "tipo de organizacion", "tip", "tipul organizatiei"],
  countries: ["countries", "country", "pays", "land", "landen", "lander", "staat", "paese", "paesi", "pais", "paises", "tara", "tari"],
  original_language: ["original language", "language", "langue", "langue originale", "langue d origine", "taal", "oorspronkelijke taal", "originele taal", "sprache", "originalsprache", "lingua", "lingua originale", "idioma", "idioma original", "lengua", "limba", "limba originala"],
  description: ["description", "what they do", "activities", "about", "descriptif", "activites", "beschrijving", "omschrijving", "activiteiten", "beschreibung", "tatigkeit", "tatigkeiten", "descrizione", "attivita", "descripcion", "actividades", "descriere", "activitati"],
  website: ["website", "web site", "site", "url", "web", "homepage", "webside", "site web", "site internet", "webpagina", "webseite", "internetseite", "sito", "sito web", "sitio web", "pagina web"],
  email: ["email", "e mail", "mail", "email address", "courriel", "adresse e mail", "adresse electronique", "e mailadres", "mailadres", "e mail adresse", "posta elettronica", "indirizzo email", "correo", "correo electronico", "adresa de e mail", "adresa email"],
  phone: ["phone", "telephone", "tel", "phone number", "telephone number", "numero de telephone", "telefoon", "telefoonnummer", "telefon", "telefonnummer", "telefono", "numero di telefono", "numero de telefono", "numar de telefon"],
  fax: ["fax", "telecopie", "telefax", "numero de fax"],
  address: ["address", "postal address", "adresse", "adresse postale", "adres", "postadres", "anschrift", "postanschrift", "indirizzo", "direccion", "domicilio", "adresa", "adresa postala"],
  contact_form: ["contact form", "contact", "formulaire de contact", "contactformulier", "kontaktformular", "modulo di contatto", "formulario de contacto", "formular de contact"],
};

/** Lower case, no accents, punctuation as spaces: "E-mail :" → "e mail". */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, " ")
    .trim();
}

// A translation column by its export header, its field name or the language's code or name:
// "Description (French)", "description_fr", "Description FR".
const translationSynonyms = translationFields.map((field) => [field, [translationHeader(field), field, `description ${field.slice(-2)}`]] as const);

const fieldBySynonym = new Map<string, ImportField>(
  [...Object.entries(synonyms), ...translationSynonyms].flatMap(([field, words]) => words.map((word) => [normaliseHeader(word), field as ImportField] as const)),
);

/** The field a header suggests, or "ignore". */
export function suggestField(header: string): ImportField {
  return fieldBySynonym.get(normaliseHeader(header)) ?? "ignore";
}

/**
 * The suggested mapping of a header row: each column by its header text (by its letter when the
 * header is empty or repeated), a field used once at most except contact columns.
 */
export function suggestMapping(headers: string[]): Mapping {
  const columns: Record<string, ImportField> = {};
  const used = new Set<ImportField>();
  const seen = new Set<string>();
  headers.forEach((header, index) => {
    const text = header.trim();
    const key = text && !seen.has(text) ? text : columnLetter(index);
    seen.add(text);
    let field = text ? suggestField(text) : "ignore";
    if (!repeatableFields.has(field) && used.has(field)) field = "ignore";
    used.add(field);
    columns[key] = field;
  });
  return { columns, values: {}, defaults: {} };
}

/**
 * "Only one column can be the name": a whole sentence for each field, so that each is a message of
 * messages' "ImportProblems" (the import page says it in the reader's language) with no English
 * word as its argument. A translation column is named by its language's code ("FR").
 */
const onlyOne: Record<"name" | "acronym" | "kind" | "countries" | "description" | "original_language" | "website", (columns: string) => string> = {
  name: (columns) => `Only one column can be the name: columns ${columns} are.`,
  acronym: (columns) => `Only one column can be the acronym: columns ${columns} are.`,
  kind: (columns) => `Only one column can be the kind: columns ${columns} are.`,
  countries: (columns) => `Only one column can be the countries: columns ${columns} are.`,
  description: (columns) => `Only one column can be the description: columns ${columns} are.`,
  original_language: (columns) => `Only one column can be the original language: columns ${columns} are.`,
  website: (columns) => `Only one column can be the website: columns ${columns} are.`,
};

function onlyOneColumn(field: ImportField, columns: string): string {
  if ((translationFields as readonly string[]).includes(field)) return `Only one column can be the description (${languageOf(field as TranslationField).toUpperCase()}): columns ${columns} are.`;
  const sentence = onlyOne[field as keyof typeof onlyOne];
  // A field added to importFields, once at most, needs its sentence here (and in the messages).
  if (!sentence) throw new Error(`No sentence says that only one column can be the ${field}.`);
  return sentence(columns);
}

/** Which field each column is, by index, and what is wrong with the mapping (in words). */
export function resolveColumns(headers: string[], mapping: Mapping): { fields: ImportField[]; problems: string[] } {
  const problems: string[] = [];
  const fields: ImportField[] = headers.map(() => "ignore");
  const byHeader = new Map<string, number[]>();
  headers.forEach((header, index) => {
    const key = header.trim();
    if (key) byHeader.set(key, [...(byHeader.get(key) ?? []), index]);
  });
  for (const [key, field] of Object.entries(mapping.columns)) {
    const byLetter = /^[A-Z]{1,3}$/.test(key) ? headers.findIndex((_, index) => columnLetter(index) === key) : -1;
    const indexes = byHeader.get(key.trim()) ?? (byLetter >= 0 ? [byLetter] : []);
    if (indexes.length === 0) {
      problems.push(`The mapping names a column "${key}" that the file does not have.`);
      continue;
    }
    if (indexes.length > 1) problems.push(`Several columns are headed "${key}": map them by their letters (${indexes.map(columnLetter).join(", ")}).`);
    for (const index of indexes) fields[index] = field;
  }
  for (const field of importFields) {
    if (repeatableFields.has(field)) continue;
    const columns = fields.flatMap((mapped, index) => (mapped === field ? [columnLetter(index)] : []));
    if (columns.length > 1) problems.push(onlyOneColumn(field, columns.join(", ")));
  }
  if (!fields.includes("name")) problems.push("No column is mapped to the name: map the column that holds the organisations' names.");
  if (!fields.includes("countries") && !mapping.defaults.countries) problems.push("No column is mapped to the countries, and no default country is given.");
  if (!fields.includes("kind") && !mapping.defaults.kind) problems.push("No column is mapped to the kind, and no default kind is given.");
  return { fields, problems };
}
