// What a row proposes for the organisation it matches: only what the file says, and only where it
// differs. A field the file has no column for keeps its published value; the contacts of a type
// the file has columns for are the file's (a contact with the same value keeps its identity, so
// an unchanged file proposes nothing), those of the other types stay as they are.
import { randomUUID } from "node:crypto";
import { fieldLabels, translationLabel, type Change, type ContactDocument, type OrganisationDocument } from "@/lib/change-sets/document";
import { contactTypeLabels } from "@/lib/validation/labels";
import type { ContactType } from "@/lib/generated/prisma/enums";
import { sortedTranslations } from "@/lib/change-sets/document";
import type { ImportedOrganisation } from "./rows";
import { languageOf, translationFields } from "./translation-fields";
import type { ImportField } from "./mapping";

/** How a row may be matched to a published organisation (the user picks which). */
export const matchKeys = ["website", "email", "name"] as const;
export type MatchKey = (typeof matchKeys)[number];

const contactFields: Record<ContactType, ImportField> = { EMAIL: "email", PHONE: "phone", FAX: "fax", ADDRESS: "address", CONTACT_FORM: "contact_form" };
const scalarFields = ["name", "acronym", "kind", "description", "website", "countries"] as const;

/** The keys a row is matched by: its website's host, its e-mail addresses, its name in each of its countries. */
export function keysOf(
  organisation: { name: string; website: string | null; countries: string[]; contacts: { type: ContactType; value: string }[] },
  keys: readonly MatchKey[],
): string[] {
  const found: string[] = [];
  if (keys.includes("website") && organisation.website) {
    const host = websiteHost(organisation.website);
    if (host) found.push(`website:${host}`);
  }
  if (keys.includes("email")) {
    for (const contact of organisation.contacts) if (contact.type === "EMAIL" && contact.value) found.push(`email:${contact.value.toLowerCase()}`);
  }
  if (keys.includes("name")) {
    for (const country of organisation.countries) found.push(`name:${country}:${comparableName(organisation.name)}`);
  }
  return found;
}

export type Match = { kind: "none" } | { kind: "one"; id: string } | { kind: "several"; messages: string[] };

// What keeps a row from being matched, in whole sentences: each is a message of messages'
// "ImportProblems" (the import page says it in the reader's language), so none is put together
// from English words.
const keysDisagree = {
  "email website": "This row's e-mail address and website name different organisations of the directory: correct the row, or match by fewer keys.",
  "email name": "This row's e-mail address and name in its country name different organisations of the directory: correct the row, or match by fewer keys.",
  "website name": "This row's website and name in its country name different organisations of the directory: correct the row, or match by fewer keys.",
  "email website name": "This row's e-mail address, website and name in its country name different organisations of the directory: correct the row, or match by fewer keys.",
} as const;
const keyShared: Record<MatchKey, string> = {
  email: "Several organisations of the directory have this row's e-mail address: add what tells them apart (an e-mail address, a website).",
  website: "Several organisations of the directory have this row's website: add what tells them apart (an e-mail address, a website).",
  name: "Several organisations of the directory have this row's name in its country: add what tells them apart (an e-mail address, a website).",
};

/**
 * The organisation a row is, given its keys (keysOf) and the organisations each key names: the
 * one its keys name, the most telling first (an e-mail address, then the website, then the name
 * in its country). A key that several organisations share tells nothing; two keys that name
 * different organisations leave the row for a person to decide.
 */
export function matchOf(keys: string[], byKey: Map<string, { id: string }[]>): Match {
  const found: { key: MatchKey; ids: Set<string> }[] = (["email", "website", "name"] as const).map((key) => ({
    key,
    ids: new Set(keys.filter((item) => item.startsWith(`${key}:`)).flatMap((item) => (byKey.get(item) ?? []).map((candidate) => candidate.id))),
  }));
  const telling = found.filter((entry) => entry.ids.size === 1);
  const ids = new Set(telling.map((entry) => [...entry.ids][0]));
  if (ids.size > 1) return { kind: "several", messages: [keysDisagree[telling.map((entry) => entry.key).join(" ") as keyof typeof keysDisagree]] };
  if (ids.size === 1) return { kind: "one", id: [...ids][0] };
  const shared = found.filter((entry) => entry.ids.size > 1);
  if (shared.length > 0) return { kind: "several", messages: shared.map((entry) => keyShared[entry.key]) };
  return { kind: "none" };
}

/** A website's host, lower-case, without "www.": as the database's `website_host` (migration `import_matching`). */
export function websiteHost(url: string): string | null {
  const host = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/:?#]+)/.exec(url)?.[1];
  return host ? host.toLowerCase().replace(/^www\./, "") : null;
}

/** A name compared without case, accents or repeated spaces. */
export function comparableName(name: string): string {
  return name.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Translations in every language but the original (in which the name and description are the original), sorted. */
function withoutOriginal(translations: Record<string, string>, originalLanguage: string): Record<string, string> {
  return sortedTranslations(Object.fromEntries(Object.entries(translations).filter(([key]) => !key.startsWith(`${originalLanguage}:`))));
}

/** A new organisation's document from a row (its address is chosen when it is approved). */
export function newDocument(organisation: ImportedOrganisation): OrganisationDocument {
  return {
    slug: "",
    name: organisation.name,
    acronym: organisation.acronym,
    kind: organisation.kind,
    description: organisation.description,
    website: organisation.website,
    countries: organisation.countries,
    contacts: organisation.contacts.map((contact) => ({ id: randomUUID(), type: contact.type, label: contact.label, value: contact.value, rawValue: contact.rawValue })),
    archived: false,
    originalLanguage: organisation.originalLanguage ?? "en",
    translations: withoutOriginal(organisation.translations, organisation.originalLanguage ?? "en"),
  };
}

/** The published document with what the row says in the columns the file has. */
export function proposedUpdate(base: OrganisationDocument, organisation: ImportedOrganisation, mapped: ReadonlySet<ImportField>): OrganisationDocument {
  const proposed: OrganisationDocument = { ...base, contacts: [...base.contacts], translations: { ...base.translations } };
  for (const field of scalarFields) {
    if (!mapped.has(field)) continue;
    // An empty optional cell says nothing about the acronym or the website: the published one stays.
    if ((field === "acronym" || field === "website" || field === "description") && !organisation[field]) continue;
    (proposed as Record<string, unknown>)[field] = organisation[field];
  }
  // A filled original-language cell changes it; an empty one says nothing.
  if (mapped.has("original_language") && organisation.originalLanguage) proposed.originalLanguage = organisation.originalLanguage;
  // A filled translation cell replaces that language's description; an empty one says nothing. The
  // original language's column is the original: it is the description, not a translation (and a
  // translation into what became the original language goes, as the editor's form drops it).
  for (const field of translationFields) {
    const key = `${languageOf(field)}:description`;
    if (mapped.has(field) && organisation.translations[key]) proposed.translations[key] = organisation.translations[key];
  }
  proposed.translations = withoutOriginal(proposed.translations, proposed.originalLanguage);
  const fileTypes = new Set((Object.keys(contactFields) as ContactType[]).filter((type) => mapped.has(contactFields[type])));
  if (fileTypes.size === 0) return proposed;
  const unused = [...base.contacts];
  const fromFile: ContactDocument[] = organisation.contacts.map((contact) => {
    const same = unused.findIndex((old) => old.type === contact.type && old.value === contact.value);
    const kept = same >= 0 ? unused.splice(same, 1)[0] : null;
    return {
      id: kept?.id ?? randomUUID(),
      type: contact.type,
      // The published label and raw text stay when the file gives none and says the same value.
      label: contact.label ?? kept?.label ?? null,
      value: contact.value,
      rawValue: kept && kept.value === contact.value ? kept.rawValue : contact.rawValue,
    };
  });
  // The published order for what stays, the file's new contacts after it.
  const keptIds = new Set(fromFile.map((contact) => contact.id));
  proposed.contacts = [
    ...base.contacts.flatMap((contact) => (fileTypes.has(contact.type) ? (keptIds.has(contact.id) ? [fromFile.find((item) => item.id === contact.id)!] : []) : [contact])),
    ...fromFile.filter((contact) => !base.contacts.some((old) => old.id === contact.id)),
  ];
  return proposed;
}

/**
 * Whether two documents propose the same organisation: the same fields and the same contacts in
 * the same order, whatever their ids (a row's new contacts get new ids each time it is read) and
 * its address (a creation's is chosen when it is saved).
 */
export function sameProposal(a: OrganisationDocument, b: OrganisationDocument): boolean {
  const comparable = (document: OrganisationDocument) => ({
    ...document,
    slug: null,
    contacts: document.contacts.map((contact) => [contact.type, contact.label, contact.value]),
  });
  return JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));
}

/** One difference an update makes, in words, as the dry run shows it: what, and its value before and after (null: none). */
export type Difference = { what: string; before: string | null; after: string | null };

const shown = (value: unknown): string | null =>
  value === null || value === undefined || value === "" ? null : Array.isArray(value) ? value.join(", ") : typeof value === "string" ? value : String(value).toLowerCase();

/** The changes of an update (lib/change-sets/document.ts diffDocuments) as the dry run shows them. */
export function describeDifferences(changes: Change[]): Difference[] {
  return changes.map((change) => {
    if (change.type === "field") return { what: fieldLabels[change.field], before: shown(change.base), after: shown(change.proposed) };
    if (change.type === "order") return { what: "Order of the contacts", before: null, after: null };
    if (change.type === "translation") return { what: translationLabel(change.language, change.part), before: change.base, after: change.proposed };
    const contact = (change.proposed ?? change.base)!;
    return { what: contactTypeLabels[contact.type], before: change.base?.value ?? null, after: change.proposed?.value ?? null };
  });
}
