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

/** The due list's batch: its filter, and what to ask (the overdue listings), named by the form so that no empty post starts one. */
export const dueBatchSchema = dueFilterSchema.extend({
  scope: z.literal("overdue", { error: "Send the request from the due list." }),
});

/** An organisation asks for a new confirmation link by the e-mail address of its listing. */
export const newLinkSchema = z.strictObject({
  email: z.string().trim().max(320).pipe(z.email({ error: "Enter the e-mail address of your listing, e.g. info@example.org." })),
});
