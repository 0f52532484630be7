import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ChangeSetStatus } from "@/lib/generated/prisma/enums";

export type Tx = Prisma.TransactionClient;
export type { Actor } from "@/lib/data/actor";

/** Statuses in which the author may still edit a change set. */
export const editableStatuses: ChangeSetStatus[] = ["DRAFT", "CHANGES_REQUESTED", "WITHDRAWN"];

/** Statuses of a change set that is still open: its author may edit it, or a reviewer decide it. */
export const openStatuses: ChangeSetStatus[] = [...editableStatuses, "SUBMITTED"];
export const openStatusesSql = Prisma.join(openStatuses.map((status) => Prisma.sql`${status.toLowerCase()}::"ChangeSetStatus"`));
