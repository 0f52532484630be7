import "./zod-config";
import { z } from "zod";

/** One value or several from a form, as a list. */
const list = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().max(200)).max(500));

/** A reviewer's decision on a change set. */
export const decisionSchema = z
  .strictObject({
    changeSetId: z.uuid({ error: "This change does not exist." }),
    /** The revision of the change set the reviewer saw: a decision is on that one only. */
    revision: z.coerce.number().int().positive().optional(),
    decision: z.enum(["approve", "reject", "request-changes"], { error: "Choose approve, reject or request changes." }),
    accept: list,
    note: z.string().trim().max(2000, "Keep it under 2,000 characters.").default(""),
  })
  .superRefine((input, ctx) => {
    if (input.revision === undefined) ctx.addIssue({ code: "custom", path: [], message: "This page is out of date: reload it, then decide." });
    if (input.decision === "approve" && input.accept.length === 0) {
      ctx.addIssue({ code: "custom", path: ["accept"], message: "Accept at least one change to approve, or reject the whole change." });
    }
    if (input.decision === "reject" && !input.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Give the reason: the author will see it." });
    if (input.decision === "request-changes" && !input.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Say what should change: the author will see it." });
  });
