/** The one result shape of every form's server action (read by useActionState). */
export type FormState<Data = undefined> = {
  ok: boolean;
  /** A message for the whole form: the outcome, or why nothing was saved. */
  message?: string;
  /** Messages per field, keyed by the field's name (nested names joined with dots). */
  fieldErrors?: Record<string, string[] | undefined>;
  /** What was submitted (never secrets), so the form shows it again after a refusal. */
  values?: Record<string, unknown>;
  /** The session ended before saving: the form offers to sign in again in another tab, with this link (in the reader's language). */
  signedOut?: { signInAgain: string };
  data?: Data;
};

export const initialFormState = { ok: false } as const;
