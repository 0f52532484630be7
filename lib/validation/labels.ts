// What people read for each kind of organisation and contact, on public pages, in the admin and
// in the API. Apart from the schemas so that the client components showing them (the
// organisation forms) do not bring zod and libphonenumber-js's metadata into the browser.
import type { ContactType, OrganisationKind } from "@/lib/generated/prisma/enums";

export const organisationKindLabels: Record<OrganisationKind, string> = {
  PROJECT: "Project",
  NGO: "Non-governmental organisation",
  GOVERNMENT_BODY: "Government body",
  SECURITY_SERVICE: "Intelligence or security service",
  NETWORK: "International or EU network",
  POLITICAL_GROUP: "Political group",
  RESEARCH_EDUCATION: "Research or education",
  OTHER: "Other",
};

export const contactTypeLabels: Record<ContactType, string> = {
  EMAIL: "E-mail",
  PHONE: "Phone",
  FAX: "Fax",
  ADDRESS: "Postal address",
  CONTACT_FORM: "Contact form",
};
