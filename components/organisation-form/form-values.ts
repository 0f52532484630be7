import type { OrganisationDocument } from "@/lib/change-sets/document";
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
