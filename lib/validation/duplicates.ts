import "./zod-config";
import { z } from "zod";
import { idSchema } from "./ids";
import { normaliseEmail, normalisePhone } from "./normalise";

const optionalId = z.preprocess((value) => (value === "" ? undefined : value), idSchema.optional());
/** At most as many contacts as an organisation may have (lib/validation/contact.ts). */
const maxContacts = 50;
const contact = z.strictObject({ type: z.enum(["EMAIL", "PHONE", "FAX"]), value: z.string().max(320) });

/**
 * What the organisation form sends to look up likely duplicates while it is typed: the name, the
 * website, the e-mail and phone contacts (as typed; phones read in the first country, `region`).
 * Strict and bounded, like every action's input. The contacts come out normalised, as they are
 * stored; one that is not valid (yet) is left out, not an error.
 */
export const similarLookupSchema = z
  .strictObject({
    name: z.string().max(200).optional(),
    website: z.string().max(2000).optional(),
    organisationId: optionalId,
    region: z.preprocess((value) => (value === "" ? undefined : value), z.string().regex(/^[A-Za-z]{2}$/).optional()),
    // FormData sends one value as a string, several as an array, none as nothing.
    contacts: z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(contact).max(maxContacts)),
  })
  .transform(({ contacts, region, ...rest }) => {
    const emails = new Set<string>();
    const phones = new Set<string>();
    for (const { type, value } of contacts) {
      const normalised = type === "EMAIL" ? normaliseEmail(value) : normalisePhone(value, region);
      if (normalised.ok) (type === "EMAIL" ? emails : phones).add(normalised.value);
    }
    return { ...rest, emails: [...emails], phones: [...phones] };
  });

export type SimilarLookup = z.output<typeof similarLookupSchema>;

/** The list's filters as its URL has them (the page ignores anything else). */
export const duplicateViewSchema = {
  reason: z.enum(["domain", "email", "phone", "name"]).optional(),
  country: z.string().regex(/^[a-z]{2}$/).optional(),
  /** A keyset cursor (base64url). */
  after: z.string().max(2000).regex(/^[\w-]+$/).optional(),
};

/** "Not the same": the two organisations of a pair, and the view of the list to go back to. */
export const dismissPairSchema = z.strictObject({
  organisationId: idSchema,
  otherId: idSchema,
  ...duplicateViewSchema,
});
