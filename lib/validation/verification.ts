import { z } from "zod";
import { OrganisationKind } from "@/lib/generated/prisma/enums";

/** The due list's filter, as its page and its batch action take it: a country code and a kind, each optional. */
export const dueFilterSchema = z.strictObject({
  country: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase() || undefined)
    .pipe(z.string().regex(/^[A-Z]{2}$/, "Choose a country from the list.").optional())
    .optional(),
  kind: z
    .string()
    .transform((value) => value || undefined)
    .pipe(z.enum(OrganisationKind, { error: "Choose a kind from the list." }).optional())
    .optional(),
});
