import { auditDenial, hasBearer } from "@/lib/auth/route";
import { recordBounces } from "@/lib/data/confirmation-delivery";
import { permanentFailures } from "@/lib/mail-bounces";
import { readAtMost } from "@/lib/security/body";
import { bouncesToken } from "@/lib/security/keys";

const maxBytes = 1_000_000;

/**
 * Bounces that come back after the mail server took a message (a relay bounces later): the mail
 * system hands each one over as it is, the raw message in the body (a pipe to curl from the
 * bounce mailbox, or a provider's inbound webhook), with `Authorization: Bearer <token>`, the
 * token `npm run bounces:token` prints. Recipients that failed for good are not written to again.
 */
export async function POST(request: Request) {
  if (!hasBearer(request, bouncesToken())) {
    await auditDenial(request, "bad token");
    return Response.json({ error: "Unauthorised" }, { status: 401 });
  }
  const body = await readAtMost(request, maxBytes).catch(() => null);
  if (body === "too-large") return Response.json({ error: "A bounce is at most 1 MB." }, { status: 413 });
  if (!body) return Response.json({ error: "Send the bounce message as the body." }, { status: 400 });
  const bounces = permanentFailures(Buffer.from(body).toString("latin1"));
  const recorded = await recordBounces(bounces);
  return Response.json({ failed: bounces.map((bounce) => bounce.email), recorded });
}
