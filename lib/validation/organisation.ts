import "./zod-config";
import { z } from "zod";
import { slugPattern } from "@/lib/slug";
import { OrganisationKind } from "@/lib/generated/prisma/enums";
import { locales } from "@/lib/i18n/locales";
import { translationFieldName, translationKeyOfField } from "@/lib/change-sets/document";
import { contactsSchema } from "./contact";
import { normaliseEmail, normaliseUrl, stripControlCharacters } from "./normalise";

const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, "Choose a country.")
  .transform((code) => code.toUpperCase());

/** The organisation fields as typed in a form or a seed file. */
export const organisationInputSchema = z.object({
  name: z.string().overwrite(stripControlCharacters).trim().min(1, "Enter the organisation's name.").max(200, "Keep the name under 200 characters."),
  acronym: z
    .string()
    .overwrite(stripControlCharacters)
    .trim()
    .max(20, "Keep the acronym under 20 characters.")
    .transform((acronym) => acronym || null)
    .nullish(),
  kind: z.enum(OrganisationKind, { error: "Choose the kind of organisation." }),
  description: z
    .string()
    .overwrite(stripControlCharacters)
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

type Parsed = z.output<typeof organisationInputSchema>;

/** The region phones are read in: the first country as typed, when it is one. */
function regionOf(countries: unknown): string | undefined {
  const first = Array.isArray(countries) ? countries[0] : countries;
  return typeof first === "string" && /^\s*[A-Za-z]{2}\s*$/.test(first) ? first.trim().toUpperCase() : undefined;
}

/**
 * Checks the contacts even when other fields are wrong (zod skips a transform once a field has
 * failed), so that a form shows every error at once, each at its field.
 */
function checkContacts(organisation: { countries?: unknown; contacts?: unknown }, ctx: z.RefinementCtx) {
  const contacts = contactsSchema(regionOf(organisation.countries)).safeParse(organisation.contacts ?? []);
  if (contacts.success) return;
  for (const issue of contacts.error.issues) ctx.addIssue({ ...issue, code: "custom", path: ["contacts", ...issue.path] });
}
const always = { when: () => true };

/**
 * Normalises the contacts with the first country as default region (a phone typed as
 * 02 / 238.56.86 for a Belgian organisation is +3222385686). Runs only once every field passed,
 * checkContacts included: a contact that does not parse here was already reported at its field.
 */
function withNormalisedContacts<T extends Parsed>(
  organisation: T,
): Omit<T, "contacts" | "acronym" | "website"> & { acronym: string | null; website: string | null; contacts: z.output<ReturnType<typeof contactsSchema>> } {
  const contacts = contactsSchema(organisation.countries[0]).safeParse(organisation.contacts);
  if (!contacts.success) return z.NEVER;
  return { ...organisation, acronym: organisation.acronym ?? null, website: organisation.website ?? null, contacts: contacts.data };
}

/** The full organisation (the seed's entries). */
export const organisationSchema = organisationInputSchema.superRefine(checkContacts, always).transform(withNormalisedContacts);

const optionalId = z.preprocess((value) => (value === "" ? undefined : value), z.uuid().optional());
/** FormData sends one value as a string, several as an array, none as nothing. */
const list = <T extends z.ZodType>(item: T) => z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

/** The organisation fields of the forms (editor's and public), as FormData sends them. */
const formFields = {
  ...organisationInputSchema.shape,
  countries: list(z.string()).pipe(organisationInputSchema.shape.countries),
  contacts: list(z.unknown()).transform((contacts) => contacts.filter((contact) => contact !== undefined)),
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").default(""),
};

/**
 * The editor's translation fields, one per language and part: `translation.fr.description`,
 * `translation.nl.name`… (a flat name, so that an error is shown at its field).
 */
const translationFields = Object.fromEntries(
  locales.flatMap((language) => [
    [translationFieldName(language, "name"), z.string().overwrite(stripControlCharacters).trim().max(200, "Keep the name under 200 characters.").default("")],
    [translationFieldName(language, "description"), organisationInputSchema.shape.description],
  ]),
) as Record<`translation.${string}.${"name" | "description"}`, z.ZodType<string, unknown>>;

/** The translation fields as the document keeps them ("fr:description" → text): filled ones only, never the original language's. */
function withTranslations<T extends { originalLanguage: string }>(form: T): Omit<T, `translation.${string}`> & { translations: Record<string, string> } {
  const translations: Record<string, string> = {};
  const rest: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(form)) {
    const key = translationKeyOfField(name);
    if (!key) rest[name] = value;
    else if (typeof value === "string" && value !== "" && !key.startsWith(`${form.originalLanguage}:`)) translations[key] = value;
  }
  return { ...(rest as Omit<T, `translation.${string}`>), translations };
}

const strict = { error: (issue: { code: string; keys?: string[] }) => (issue.code === "unrecognized_keys" ? `These fields cannot be set here: ${issue.keys?.join(", ")}.` : undefined) };

/**
 * The editor's organisation form, shared by the form and its server action. Strict: a field the
 * form does not have (`status`, `version`, `authorId`…) is refused, never applied.
 */
export const organisationFormSchema = z
  .strictObject(
    {
      ...formFields,
      slug: z
        .string()
        .trim()
        .toLowerCase()
        .max(80, "Keep the address under 80 characters.")
        .refine((value) => value === "" || slugPattern.test(value), "Use only lower-case letters, digits and single hyphens, e.g. allo-tolerance.")
        .default(""),
      changeSetId: optionalId,
      organisationId: optionalId,
      revision: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().positive().optional()),
      intent: z.enum(["draft", "submit"]).default("draft"),
      /** The author has seen that another pending change changes the same fields, and submits anyway. */
      confirmOverlap: z.literal("1").optional(),
      originalLanguage: z.enum(locales, { error: "Choose the language the name and description are written in." }).default("en"),
      ...translationFields,
    },
    strict,
  )
  .superRefine(checkContacts, always)
  .transform(withNormalisedContacts)
  .transform(withTranslations);

/** The public suggestion forms: the same fields and rules, plus who suggests it (both optional). */
export const suggestionFormSchema = z
  .strictObject(
    {
      ...formFields,
      organisationId: optionalId,
      suggesterName: z.string().overwrite(stripControlCharacters).trim().max(200, "Keep your name under 200 characters.").default(""),
      suggesterEmail: z
        .string()
        .default("")
        .transform((value, ctx) => {
          if (!value.trim()) return "";
          const result = normaliseEmail(value);
          if (result.ok) return result.value;
          ctx.addIssue({ code: "custom", message: result.message });
          return z.NEVER;
        }),
      /** The signed "issued at" stamp and the honeypot; checked by the route before parsing. */
      issued: z.string().max(100).optional(),
      /** The link of a confirmation request, when the organisation itself tells what has changed. */
      confirmation: z.string().max(200).optional(),
      fax_confirmation: z.string().max(1000).optional(),
      /** A too-fast sender's "yes, send it" (lib/security/form-token.ts). */
      confirmed: z.string().max(100).optional(),
    },
    strict,
  )
  .superRefine(checkContacts, always)
  .transform(withNormalisedContacts);

export type OrganisationForm = z.output<typeof organisationFormSchema>;

export type OrganisationInput = z.input<typeof organisationSchema>;
export type Organisation = z.output<typeof organisationSchema>;
