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
import { getTranslations } from "next-intl/server";
import { isLocale, defaultLocale } from "@/lib/i18n/locales";
import { localiseFieldErrors, validationTranslator } from "@/lib/i18n/validation";

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
  // The answers are in the language of the page the form was on (the form posts to ?language=fr).
  const queried = new URL(request.url).searchParams.get("language");
  const language = isLocale(queried) ? queried : defaultLocale;
  const t = await getTranslations({ locale: language, namespace: "Suggest" });
  if (body === "too-large") return json(413, { message: t("tooLarge") });
  const form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData().catch(() => null);
  if (!form) return json(400, { message: t("notFromForm") });
  const raw = formDataToObject(form);
  const env = serverEnv();
  // The honeypot: people never see this field; a script that fills it is thanked and ignored.
  if (typeof raw.fax_confirmation === "string" && raw.fax_confirmation !== "") return json(201, { message: t("thanks") });
  const stamp = checkFormToken(raw.issued, appKey("form-stamp"), Date.now());
  // Too fast for a person typing, but autofill is fast too: the sender is asked to confirm, never refused.
  if (stamp === "too-fast" && !checkConfirmation(raw.issued, raw.confirmed, appKey("form-stamp"))) {
    return json(400, { message: t("tooQuick"), confirm: issueConfirmation(raw.issued as string, appKey("form-stamp")) });
  }
  if (stamp === "invalid") return json(400, { message: t("expiredForm") });
  const address = clientAddressOf(request.headers);
  // Every post counts against the attempts per hour; only a stored suggestion against the
  // suggestions per hour (checked after validation), so mistakes do not lock anyone out.
  const attempt = await recordSuggestionAttempt(address, { maxAttemptsPerHour: env.SUGGESTION_MAX_ATTEMPTS_PER_HOUR });
  if (!attempt) return json(429, { message: t("tooMany") });
  const parsed = suggestionFormSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = await localiseFieldErrors(fieldErrors(parsed.error), language);
    return json(400, { message: errors.form?.join(" ") ?? t("checkFields"), fieldErrors: errors });
  }
  const { organisationId, note, suggesterName, suggesterEmail, name, acronym, kind, description, website, countries, contacts, confirmation } = parsed.data;
  try {
    const stored = await acceptSuggestion(address, attempt, { maxPerHour: env.SUGGESTION_MAX_PER_HOUR }, () =>
      createSuggestion({
        organisationId,
        document: { slug: "", name, acronym, kind, description, website, countries, contacts: contacts.map(({ id, type, label, value, rawValue }) => ({ id, type, label, value, rawValue })) },
        note,
        suggester: { name: suggesterName || null, email: suggesterEmail || null, address, language },
        confirmation: confirmation || undefined,
      }),
    );
    if (stored === "over-limit") return json(429, { message: t("tooMany") });
  } catch (error) {
    if (error instanceof FieldConflictError) return json(400, { message: t("checkFields"), fieldErrors: await localiseFieldErrors({ [error.field]: [error.message] }, language) });
    if (error instanceof NotFoundError) return json(404, { message: t("gone") });
    if (error instanceof ConflictError) return json(409, { message: (await validationTranslator(language))(error.message) });
    throw error;
  }
  return json(201, { message: t("thanks") });
}
