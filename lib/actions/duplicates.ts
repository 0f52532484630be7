"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { afterCommit } from "@/lib/after-commit";
import { defineAction } from "@/lib/auth/define-action";
import { dismissPair } from "@/lib/data/duplicates";
import { dismissPairSchema } from "@/lib/validation/duplicates";

/** "Not the same": the pair leaves the list of likely duplicates for good; back to the same view of it. */
export const dismissDuplicate = defineAction(
  { name: "duplicates.dismiss", schema: dismissPairSchema, roles: ["ADMIN", "EDITOR", "REVIEWER"] },
  async ({ organisationId, otherId, reason, country, after }, actor) => {
    await dismissPair(actor, organisationId, otherId);
    afterCommit("duplicates.dismiss: refreshing pages", () => revalidatePath("/admin/duplicates"));
    const view = new URLSearchParams(Object.entries({ reason, country, after }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    view.set("dismissed", "1");
    redirect(`/admin/duplicates?${view}`);
  },
);
