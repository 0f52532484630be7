import { translationKeyOfField, type OrganisationDocument } from "@/lib/change-sets/document";
import type { ContactRow } from "@/components/organisation-form/contacts-editor";
import type { OrganisationFormValues } from "@/components/organisation-form/organisation-form";

/** The form's values for a document (a published organisation, or a saved proposal). */
export function formValues(document: OrganisationDocument | null, note = ""): OrganisationFormValues {
  if (!document) return { name: "", acronym: "", slug: "", kind: "", countries: [], website: "", description: "", note, contacts: [], originalLanguage: "en", translations: {} };
  return {
    name: document.name,
    acronym: document.acronym ?? "",
    slug: document.slug,
    kind: document.kind,
    countries: document.countries,
    website: document.website ?? "",
    description: document.description,
    note,
    // The form shows what was typed; the server normalises it again.
    contacts: document.contacts.map((contact) => ({ id: contact.id, type: contact.type, label: contact.label ?? "", value: contact.rawValue })),
    originalLanguage: document.originalLanguage,
    translations: document.translations,
  };
}

/** The values to show: what was submitted when the server refused it, else what was loaded. */
export function shownValues(state: { values?: Record<string, unknown> }, values: OrganisationFormValues): OrganisationFormValues {
  const submitted = state.values;
  if (!submitted) return values;
  const text = (key: string) => (typeof submitted[key] === "string" ? (submitted[key] as string) : "");
  const list = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
  return {
    name: text("name"),
    acronym: text("acronym"),
    slug: text("slug"),
    kind: text("kind"),
    countries: list(submitted.countries).filter((code): code is string => typeof code === "string"),
    website: text("website"),
    description: text("description"),
    note: text("note"),
    contacts: list(submitted.contacts)
      .filter((contact): contact is Record<string, string> => typeof contact === "object" && contact !== null)
      .map((contact) => ({ id: contact.id, type: (contact.type ?? "EMAIL") as ContactRow["type"], label: contact.label ?? "", value: contact.value ?? "" })),
    originalLanguage: text("originalLanguage") || values.originalLanguage,
    // What was typed in each translation field ("translation.fr.description" → "fr:description").
    translations: Object.fromEntries(
      Object.entries(submitted).flatMap(([key, value]) => {
        const translation = translationKeyOfField(key);
        return translation && typeof value === "string" ? [[translation, value]] : [];
      }),
    ),
  };
}
