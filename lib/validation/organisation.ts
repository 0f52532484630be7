import { z } from "zod";
import { OrganisationKind } from "@/lib/generated/prisma/enums";
import { contactsSchema } from "./contact";
import { normaliseUrl } from "./normalise";

export { OrganisationKind };

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

const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, "Choose a country.")
  .transform((code) => code.toUpperCase());

/** The organisation fields as typed in a form or a seed file. */
export const organisationInputSchema = z.object({
  name: z.string().trim().min(1, "Enter the organisation's name.").max(200, "Keep the name under 200 characters."),
  acronym: z
    .string()
    .trim()
    .max(20, "Keep the acronym under 20 characters.")
    .transform((acronym) => acronym || null)
    .nullish(),
  kind: z.enum(OrganisationKind, { error: "Choose the kind of organisation." }),
  description: z
    .string()
    .max(20_000, "Keep the description under 20,000 characters.")
    .transform((text) => text.replace(/\r\n?/g, "\n").trim())
    .default(""),
  website: z
    .string()
    .transform((website, ctx) => {
      if (!website.trim()) return null;
      const normalised = normaliseUrl(website);
      if (normalised.ok) return normalised.value;
      ctx.addIssue({ code: "custom", message: normalised.message });
      return z.NEVER;
    })
    .nullish(),
  countries: z
    .array(countryCode)
    .min(1, "Choose at least one country.")
    .refine((codes) => new Set(codes).size === codes.length, "Each country can be chosen only once."),
  contacts: z.array(z.unknown()).default([]),
});

/**
 * The full organisation, contacts normalised with the first country as default region
 * (a phone typed as 02 / 238.56.86 for a Belgian organisation is +3222385686).
 */
export const organisationSchema = organisationInputSchema.transform((organisation, ctx) => {
  const contacts = contactsSchema(organisation.countries[0]).safeParse(organisation.contacts);
  if (!contacts.success) {
    for (const issue of contacts.error.issues) {
      ctx.addIssue({ ...issue, code: "custom", path: ["contacts", ...issue.path] });
    }
    return z.NEVER;
  }
  return { ...organisation, acronym: organisation.acronym ?? null, website: organisation.website ?? null, contacts: contacts.data };
});

export type OrganisationInput = z.input<typeof organisationSchema>;
export type Organisation = z.output<typeof organisationSchema>;
