import { fieldErrors } from "@/lib/auth/define-action";
import { clientAddressOf } from "@/lib/auth/client-address";
import { refuseCrossSite } from "@/lib/auth/route";
import { createSuggestion } from "@/lib/data/change-sets";
import { ConflictError, FieldConflictError, NotFoundError } from "@/lib/data/errors";
import { acceptSuggestion, recordSuggestionAttempt } from "@/lib/data/suggestion-limits";
import { serverEnv } from "@/lib/env";
import { formDataToObject } from "@/lib/forms/form-data";
import { readAtMost } from "@/lib/security/body";
import { checkConfirmation, checkFormToken, issueConfirmation } from "@/lib/security/form-token";
import { appKey } from "@/lib/security/keys";
import { suggestionFormSchema } from "@/lib/validation/organisation";

const maxBodyBytes = 200_000;
const json = (status: number, body: Record<string, unknown>) => Response.json({ ok: status < 300, ...body }, { status });

/**
 * A public suggestion (a correction or a new organisation), posted by the forms at
 * /organisations/[slug]/suggest and /suggest. A route handler rather than a server action, so
 * that a flood gets a real 429. Nothing published changes: a reviewer decides.
 */
export async function POST(request: Request) {
  const crossSite = await refuseCrossSite(request);
  if (crossSite) return crossSite;
  // Read with a running limit: a chunked body has no Content-Length to check first.
  const body = await readAtMost(request, maxBodyBytes);
  if (body === "too-large") return json(413, { message: "This suggestion is too long to send. Shorten the description and try again." });
  const form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData().catch(() => null);
  if (!form) return json(400, { message: "Send the suggestion from the form." });
  const raw = formDataToObject(form);
  const env = serverEnv();
  // The honeypot: people never see this field; a script that fills it is thanked and ignored.
  if (typeof raw.fax_confirmation === "string" && raw.fax_confirmation !== "") return json(201, { message: "Thank you." });
  const stamp = checkFormToken(raw.issued, appKey("form-stamp"), Date.now());
  // Too fast for a person typing, but autofill is fast too: the sender is asked to confirm, never refused.
  if (stamp === "too-fast" && !checkConfirmation(raw.issued, raw.confirmed, appKey("form-stamp"))) {
    return json(400, { message: "That was quick: check your suggestion, then confirm that you want to send it.", confirm: issueConfirmation(raw.issued as string, appKey("form-stamp")) });
  }
  if (stamp === "invalid") return json(400, { message: "This form has expired. Reload the page, then send your suggestion again." });
  const address = clientAddressOf(request.headers);
  // Every post counts against the attempts per hour; only a stored suggestion against the
  // suggestions per hour (checked after validation), so mistakes do not lock anyone out.
  const attempt = await recordSuggestionAttempt(address, { maxAttemptsPerHour: env.SUGGESTION_MAX_ATTEMPTS_PER_HOUR });
  if (!attempt) return tooMany();
  const parsed = suggestionFormSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return json(400, { message: errors.form?.join(" ") ?? "Check the highlighted fields.", fieldErrors: errors });
  }
  const { organisationId, note, suggesterName, suggesterEmail, name, acronym, kind, description, website, countries, contacts, confirmation } = parsed.data;
  try {
    const stored = await acceptSuggestion(address, attempt, { maxPerHour: env.SUGGESTION_MAX_PER_HOUR }, () =>
      createSuggestion({
        organisationId,
        document: { slug: "", name, acronym, kind, description, website, countries, contacts: contacts.map(({ id, type, label, value, rawValue }) => ({ id, type, label, value, rawValue })) },
        note,
        suggester: { name: suggesterName || null, email: suggesterEmail || null, address },
        confirmation: confirmation || undefined,
      }),
    );
    if (stored === "over-limit") return tooMany();
  } catch (error) {
    if (error instanceof FieldConflictError) return json(400, { message: "Check the highlighted fields.", fieldErrors: { [error.field]: [error.message] } });
    if (error instanceof NotFoundError) return json(404, { message: error.message });
    if (error instanceof ConflictError) return json(409, { message: error.message });
    throw error;
  }
  return json(201, { message: "Thank you." });
}

const tooMany = () =>
  json(429, { message: "Thank you for your suggestions. We have received many from your connection in the last hour: please wait a while before sending another." });
