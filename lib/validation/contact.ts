import "./zod-config";
import { z } from "zod";
import { ContactType } from "@/lib/generated/prisma/enums";
import { normaliseAddress, normaliseEmail, normalisePhone, normaliseUrl, readablePhone, stripControlCharacters, type Normalised } from "./normalise";

export function normaliseContactValue(type: ContactType, raw: string, region?: string): Normalised {
  switch (type) {
    case "EMAIL":
      return normaliseEmail(raw);
    case "PHONE":
    case "FAX":
      return normalisePhone(raw, region);
    case "ADDRESS":
      return normaliseAddress(raw);
    case "CONTACT_FORM":
      return normaliseUrl(raw);
  }
}

/** A contact as typed: `value` is what the person entered; the schema adds the normalised form. */
export const contactInputSchema = z.object({
  id: z.uuid().optional(),
  type: z.enum(ContactType, { error: "Choose the kind of contact." }),
  label: z
    .string()
    .overwrite(stripControlCharacters)
    .trim()
    .max(100, "Keep the label under 100 characters.")
    .transform((label) => label || null)
    .nullish(),
  value: z.string().overwrite(stripControlCharacters).max(2000, "Keep this under 2,000 characters."),
});

export type ContactInput = z.input<typeof contactInputSchema>;

/**
 * Contacts of one organisation, normalised with its default region (its first country).
 * Each error is reported at `contacts.<index>.value`, where the form shows it.
 */
export function contactsSchema(region: string | undefined) {
  return z.array(contactInputSchema).max(50, "An organisation can have at most 50 contacts.").transform((contacts, ctx) =>
    contacts.map((contact, index) => {
      const normalised = normaliseContactValue(contact.type, contact.value, region);
      if (!normalised.ok) {
        ctx.addIssue({ code: "custom", path: [index, "value"], message: normalised.message });
        return { ...contact, label: contact.label ?? null, rawValue: contact.value, value: "" };
      }
      return { ...contact, label: contact.label ?? null, rawValue: contact.value.trim(), value: normalised.value };
    }),
  );
}

/**
 * What the editor's form sends to show each value as it will be saved and shown, while it is
 * typed: the website and the contacts, phones read in the first country (`region`). Strict and
 * bounded like every action's input; a value not valid (yet) previews as null, not an error.
 */
export const valuePreviewSchema = z
  .strictObject({
    website: z.string().max(2000).default(""),
    region: z.preprocess((value) => (value === "" ? undefined : value), z.string().regex(/^[A-Za-z]{2}$/).optional()),
    // FormData sends one value as a string, several as an array, none as nothing.
    contacts: z.preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z.array(z.strictObject({ type: z.enum(ContactType), value: z.string().max(2000) })).max(50),
    ),
  })
  .transform(({ website, region, contacts }) => {
    const shown = (normalised: Normalised, readable: (value: string) => string = (value) => value) => (normalised.ok ? readable(normalised.value) : null);
    return {
      website: website.trim() ? shown(normaliseUrl(website)) : null,
      contacts: contacts.map(({ type, value }) =>
        value.trim() ? shown(normaliseContactValue(type, value, region), type === "PHONE" || type === "FAX" ? readablePhone : undefined) : null,
      ),
    };
  });
