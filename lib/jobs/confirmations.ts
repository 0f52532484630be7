import "server-only";
import { z } from "zod";
import { requestDueConfirmations } from "@/lib/data/confirmations";
import { findActor } from "@/lib/data/users";
import { OrganisationKind } from "@/lib/generated/prisma/enums";
import { defineQueue, type QueueSettings } from "./runner";

// Organisations are asked to confirm their listings once they are due (lib/data/confirmations.ts):
// every morning by the schedule (pg-boss fires a schedule once, whatever the number of workers),
// or when a member of staff asks a filtered batch from the due list. Each request is made under a
// lock of its organisation's row and at most one per 30 days, so a job run twice sends nothing twice.

export const confirmationsDueQueue = defineQueue({
  data: z.strictObject({
    format: z.literal(1),
    country: z.string().regex(/^[A-Z]{2}$/).optional(),
    kind: z.enum(OrganisationKind).optional(),
    /** Who asked for the batch; null: the schedule. */
    requestedById: z.uuid().nullable(),
  }),
  settings: {
    retryLimit: 2,
    retryDelay: 600,
    expireInSeconds: 60 * 60,
    heartbeatSeconds: 60,
    deleteAfterSeconds: 14 * 24 * 60 * 60,
    notify: true,
  } satisfies QueueSettings,
  schedule: { cron: "23 6 * * *", data: { format: 1, requestedById: null } },
  describe: (data) => `Ask the listings due for checking${data.country ? ` in ${data.country}` : ""}${data.kind ? ` (${data.kind.toLowerCase()})` : ""} to confirm them`,
  async handle({ country, kind, requestedById }) {
    const requestedBy = requestedById ? await findActor(requestedById) : null;
    // A member of staff whose account was disabled (or deleted) since they asked: nothing is sent.
    if (requestedById && !requestedBy) return { skipped: "the account that asked is no longer active" };
    return requestDueConfirmations({ country, kind, requestedBy });
  },
});
