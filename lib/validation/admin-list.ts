import "./zod-config";
import { z } from "zod";
import { OrganisationKind, OrganisationStatus } from "@/lib/generated/prisma/enums";
import { cleanQuery } from "@/lib/validation/search";

/** One value from a query parameter (the first when repeated); anything unusable is dropped. */
const one = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (Array.isArray(value) ? value[0] : value === "" ? undefined : value), schema.optional()).catch(undefined);

/** The admin organisation list's filters, read from the URL. */
export const adminListSchema = z.object({
  q: one(z.string().transform(cleanQuery)).transform((q) => q || undefined),
  country: one(z.string().regex(/^[a-z]{2}$/i).transform((code) => code.toLowerCase())),
  kind: one(z.enum(OrganisationKind)),
  status: one(z.enum(OrganisationStatus)),
  pending: one(z.literal("1")).transform(Boolean),
  unverified: one(z.literal("1")).transform(Boolean),
  sort: one(z.enum(["name", "updated"])).transform((sort) => sort ?? "name"),
  after: one(z.string().max(500)),
});
