import "./zod-config";
import { z } from "zod";
import { ContactType } from "@/lib/generated/prisma/enums";
import { normaliseAddress, normaliseEmail, normalisePhone, normaliseUrl, stripControlCharacters, type Normalised } from "./normalise";

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
