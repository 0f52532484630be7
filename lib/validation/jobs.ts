import "./zod-config";
import { z } from "zod";

/** Retrying a failed background job (the jobs page). */
export const retryJobSchema = z.strictObject({ jobId: z.uuid({ error: "This job does not exist." }) });
