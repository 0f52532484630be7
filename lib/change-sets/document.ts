import type { ContactType, OrganisationKind } from "@/lib/generated/prisma/enums";
import { languageNameIn } from "@/lib/i18n/locales";

/** A contact inside a document; its id is stable across versions (new ones get theirs when drafted). */
export type ContactDocument = { id: string; type: ContactType; label: string | null; value: string; rawValue: string };

/**
 * An organisation as one plain value: what a revision stores, what a change set is based on and
 * what it proposes. Lists are ordered (the first country is the default region).
 */
export type OrganisationDocument = {
  slug: string;
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  description: string;
  website: string | null;
  countries: string[];
  contacts: ContactDocument[];
  archived: boolean;
  /** The language the name and description are written in (a code of lib/i18n/locales.ts). */
  originalLanguage: string;
  /**
   * The listing's own words in other languages, by `<language>:<part>` ("fr:description",
   * "nl:name"): only those that exist, each a non-empty text, in the order of `translationKey`.
   */
  translations: Record<string, string>;
};

/** What of a listing can be translated: its name (a body's name in another official language) and its description. */
export const translationParts = ["name", "description"] as const;
export type TranslationPart = (typeof translationParts)[number];
export const translationKey = (language: string, part: TranslationPart) => `${language}:${part}`;

/** A translation's key read back: its language and part, or null for a key that is none. */
export function parseTranslationKey(key: string): { language: string; part: TranslationPart } | null {
  const match = /^([a-z]{2}):(name|description)$/.exec(key);
  return match ? { language: match[1], part: match[2] as TranslationPart } : null;
}

/** A translation's field in the editor's form: `translation.fr.description` (a flat name, so its error shows at it). */
export const translationFieldName = (language: string, part: TranslationPart) => `translation.${language}.${part}`;

/** The translation key ("fr:description") of a form field's name, or null for a field that is no translation. */
export function translationKeyOfField(name: string): string | null {
  const match = /^translation\.([a-z]{2})\.(name|description)$/.exec(name);
  return match ? translationKey(match[1], match[2] as TranslationPart) : null;
}

/** The fields a change set can change, each decided on by itself. */
export const documentFields = ["name", "acronym", "slug", "kind", "countries", "website", "description", "originalLanguage", "archived"] as const;
export type DocumentField = (typeof documentFields)[number];

export const fieldLabels: Record<DocumentField, string> = {
  name: "Name",
  acronym: "Acronym",
  slug: "Address (slug)",
  kind: "Kind",
  countries: "Countries",
  website: "Website",
  description: "Description",
  originalLanguage: "Original language",
  archived: "Archived",
};

const partLabels: Record<TranslationPart, string> = { name: "Name", description: "Description" };

/** A translation change's name for staff: "Description in French". */
export const translationLabel = (language: string, part: TranslationPart) => `${partLabels[part]} in ${languageNameIn("en", language)}`;

/**
 * One change a reviewer accepts or rejects: a field, one contact (added, changed or removed), or
 * the order of the contacts. `key` identifies it in decisions.
 */
export type Change =
  | { key: DocumentField; type: "field"; field: DocumentField; base: unknown; proposed: unknown }
  | { key: `contact:${string}`; type: "contact"; change: "added" | "changed" | "removed"; base: ContactDocument | null; proposed: ContactDocument | null }
  | { key: "contacts:order"; type: "order"; base: string[]; proposed: string[] }
  | { key: `translation:${string}`; type: "translation"; language: string; part: TranslationPart; base: string | null; proposed: string | null };

export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sameContact = (a: ContactDocument, b: ContactDocument) => a.type === b.type && a.label === b.label && a.value === b.value && a.rawValue === b.rawValue;

/** The order of the contacts both documents have (added and removed ones left out). */
function commonOrder(from: ContactDocument[], other: ContactDocument[]): string[] {
  const ids = new Set(other.map((contact) => contact.id));
  return from.filter((contact) => ids.has(contact.id)).map((contact) => contact.id);
}

/** What `proposed` changes compared with `base` (a creation compares with nothing). */
export function diffDocuments(base: OrganisationDocument | null, proposed: OrganisationDocument): Change[] {
  const changes: Change[] = [];
  for (const field of documentFields) {
    const before = base ? base[field] : undefined;
    if (!base || !sameValue(before, proposed[field])) {
      if (!base && field === "archived") continue;
      changes.push({ key: field, type: "field", field, base: before ?? null, proposed: proposed[field] });
    }
  }
  const baseContacts = base?.contacts ?? [];
  const baseById = new Map(baseContacts.map((contact) => [contact.id, contact]));
  const proposedIds = new Set(proposed.contacts.map((contact) => contact.id));
  for (const contact of proposed.contacts) {
    const before = baseById.get(contact.id);
    if (!before) changes.push({ key: `contact:${contact.id}`, type: "contact", change: "added", base: null, proposed: contact });
    else if (!sameContact(before, contact)) changes.push({ key: `contact:${contact.id}`, type: "contact", change: "changed", base: before, proposed: contact });
  }
  for (const contact of baseContacts) {
    if (!proposedIds.has(contact.id)) changes.push({ key: `contact:${contact.id}`, type: "contact", change: "removed", base: contact, proposed: null });
  }
  const before = commonOrder(baseContacts, proposed.contacts);
  const after = commonOrder(proposed.contacts, baseContacts);
  if (!sameValue(before, after)) changes.push({ key: "contacts:order", type: "order", base: before, proposed: after });
  const baseTranslations = base?.translations ?? {};
  for (const key of [...new Set([...Object.keys(baseTranslations), ...Object.keys(proposed.translations)])].sort()) {
    const parsed = parseTranslationKey(key);
    const was = baseTranslations[key] ?? null;
    const is = proposed.translations[key] ?? null;
    if (parsed && was !== is) changes.push({ key: `translation:${key}`, type: "translation", ...parsed, base: was, proposed: is });
  }
  return changes;
}

/**
 * The keys of `changes` whose published value moved since `base` (so accepting them would
 * overwrite someone else's change): the field, or the contact, differs between base and current.
 */
export function collisions(changes: Change[], base: OrganisationDocument, current: OrganisationDocument): string[] {
  const currentById = new Map(current.contacts.map((contact) => [contact.id, contact]));
  return changes
    .filter((change) => {
      if (change.type === "field") return !sameValue(base[change.field], current[change.field]);
      if (change.type === "translation") {
        const key = translationKey(change.language, change.part);
        return (base.translations[key] ?? null) !== (current.translations[key] ?? null);
      }
      // A new order collides with any change to which contacts there are, or their order.
      if (change.type === "order") return !sameValue(base.contacts.map((contact) => contact.id), current.contacts.map((contact) => contact.id));
      const was = change.base;
      const now = was ? currentById.get(was.id) : undefined;
      if (change.change === "added") return false;
      return !now || !sameContact(was!, now);
    })
    .map((change) => change.key);
}

/**
 * The document after applying the accepted changes to `current` (the published state now).
 * Contacts keep their ids; an accepted new order is applied to the contacts both have, added
 * contacts go where the proposal put them.
 */
export function applyChanges(current: OrganisationDocument, proposed: OrganisationDocument, accepted: Change[]): OrganisationDocument {
  const next: OrganisationDocument = { ...current, contacts: [...current.contacts], translations: { ...current.translations } };
  for (const change of accepted) {
    if (change.type === "field") (next as Record<DocumentField, unknown>)[change.field] = proposed[change.field];
    if (change.type === "translation") {
      const key = translationKey(change.language, change.part);
      if (change.proposed === null) delete next.translations[key];
      else next.translations[key] = change.proposed;
    }
  }
  next.translations = sortedTranslations(next.translations);
  let contacts = next.contacts;
  for (const change of accepted) {
    if (change.type !== "contact") continue;
    if (change.change === "removed") contacts = contacts.filter((contact) => contact.id !== change.base!.id);
    if (change.change === "changed") contacts = contacts.map((contact) => (contact.id === change.proposed!.id ? change.proposed! : contact));
  }
  if (accepted.some((change) => change.type === "order")) {
    const rank = new Map(proposed.contacts.map((contact, index) => [contact.id, index]));
    contacts = [...contacts].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
  }
  for (const change of accepted) {
    if (change.type !== "contact" || change.change !== "added") continue;
    // After the contact that precedes it in the proposal, or first.
    const proposedIndex = proposed.contacts.findIndex((contact) => contact.id === change.proposed!.id);
    const previous = proposed.contacts.slice(0, proposedIndex).reverse().find((contact) => contacts.some((kept) => kept.id === contact.id));
    const at = previous ? contacts.findIndex((contact) => contact.id === previous.id) + 1 : 0;
    contacts = [...contacts.slice(0, at), change.proposed!, ...contacts.slice(at)];
  }
  next.contacts = contacts;
  return next;
}

/** Translations in key order, empty ones left out: one way to write the same translations. */
export function sortedTranslations(translations: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(translations)
      .filter(([key, text]) => parseTranslationKey(key) && text.trim() !== "")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}
