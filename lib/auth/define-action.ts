import "server-only";
import { unstable_rethrow } from "next/navigation";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { requestAddress } from "@/lib/auth/request";
import { currentSession } from "@/lib/auth/session";
import { recordAudit } from "@/lib/data/audit";
import { ConflictError, expectedError, FieldConflictError, ForbiddenError, NotFoundError } from "@/lib/data/errors";
import type { SessionUser } from "@/lib/data/sessions";
import type { Role } from "@/lib/generated/prisma/enums";
import { formDataToObject } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/form-state";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/locales";
import { conflictArguments } from "@/lib/i18n/conflict-parts";
import { validationTranslator } from "@/lib/i18n/validation";

/** Who is acting: the signed-in user, their client address (for the data call and its audit event) and the language they read. */
export type Actor = SessionUser & { address: string; language: Locale };

/** Who may call an action: signed-in users with one of these roles, or anyone (public forms). */
type Access = readonly Role[] | "anyone";
/** Someone using a public form: their client address, and the language of the page the form was on. */
export type Visitor = { address: string; language: Locale };
type ActorFor<A extends Access> = A extends "anyone" ? Visitor : Actor;

type ActionOptions<Schema extends z.ZodType, A extends Access> = {
  /** Names the action in the audit log, e.g. "users.invite". */
  name: string;
  schema: Schema;
  roles: A;
  /** Fields never sent back to the form (passwords). */
  secret?: readonly string[];
};

const signedOutMessage = "Your session has ended, so nothing was saved. Sign in again in a new tab, then save again here: what you typed is kept.";
const signInAgain = "Sign in again (opens a new tab)";
const checkFields = "Check the highlighted fields.";
const deniedMessage = "Your role does not allow this. Nothing was saved.";
const failedMessage = (reference: string) => `Something went wrong and nothing was saved. Try again; if it keeps failing, give this reference to an administrator: ${reference}.`;

/**
 * The one way to write a server action for a form: session → role → input parsing → the data
 * call. Every server action is a public POST endpoint, so each checks all of this itself, and a
 * refusal is written to the audit log. Expected errors reach the form with their message; any
 * other is logged with a reference the user can quote (Prisma's unique and not-found errors are
 * expected ones: lib/data/errors.ts). `fn` may redirect (outside any try).
 */
export function defineAction<Schema extends z.ZodType, A extends Access, Data = undefined>(
  { name, schema, roles, secret = [] }: ActionOptions<Schema, A>,
  fn: (input: z.output<Schema>, actor: ActorFor<A>) => Promise<FormState<Data> | void>,
) {
  return async function run(_previous: FormState<Data> | undefined, formData: FormData): Promise<FormState<Data>> {
    // A public form names its page's language (`pageLanguage`); staff read theirs (their account
    // page). The answer, errors included, is in it.
    const { pageLanguage, ...raw } = formData instanceof FormData ? formDataToObject(formData) : {};
    const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !secret.includes(key)));
    const address = await requestAddress();
    const session = roles === "anyone" ? null : await currentSession();
    const language = session?.user.language ?? (isLocale(pageLanguage) ? pageLanguage : defaultLocale);
    const localise = await validationTranslator(language);
    if (roles !== "anyone" && !session) {
      await recordAudit({ action: "access.denied", subject: `action:${name}`, address, details: { reason: "signed out" } });
      return { ok: false, signedOut: { signInAgain: localise(signInAgain) }, message: localise(signedOutMessage), values };
    }
    if (session && roles !== "anyone" && !roles.includes(session.user.role)) {
      await recordAudit({ action: "access.denied", actorId: session.user.id, subject: `action:${name}`, address, details: { role: session.user.role } });
      return { ok: false, message: localise(deniedMessage), values };
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const errors = Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([field, messages]) => [field, messages.map((message) => localise(message))]));
      // An error about the form as a whole (e.g. a field it does not have) is its message.
      return { ok: false, message: errors.form?.join(" ") ?? localise(checkFields), fieldErrors: errors, values };
    }
    try {
      const actor = (session ? { ...session.user, address, language } : { address, language }) as ActorFor<A>;
      return (await fn(parsed.data, actor)) ?? { ok: true };
    } catch (thrown) {
      unstable_rethrow(thrown);
      const error = expectedError(thrown);
      // At its field when this form has it (a slug taken is a field of the organisation form, a
      // message of the decision form).
      if (error instanceof FieldConflictError && error.field.split(".")[0] in raw) {
        return { ok: false, message: localise(checkFields), fieldErrors: { [error.field]: [localise(error.message)] }, values };
      }
      if (error instanceof NotFoundError) return { ok: false, message: localise(error.message), values };
      if (error instanceof ConflictError) return { ok: false, message: localise(error.message, await conflictArguments(language, error.parts)), values };
      // The data layer's own role check refused: the roles above and the data layer disagree.
      if (error instanceof ForbiddenError) {
        console.error(`[action ${name}] the data layer refused the role: ${error.message}`);
        return { ok: false, message: localise(deniedMessage), values };
      }
      const reference = randomUUID();
      console.error(`[action ${name}] reference ${reference}:`, error);
      return { ok: false, message: localise(failedMessage(reference)), values };
    }
  };
}

/** zod issues by field, nested paths joined with dots ("contacts.0.value"). */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
