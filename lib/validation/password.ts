import "./zod-config";
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// The 49,000 most common passwords (zxcvbn-ts's list). No composition rules: length and not
// being a well-known password are what make a password hard to guess (NIST SP 800-63B).
let common: Set<string> | undefined;
const isCommon = (password: string) => {
  common ??= new Set(dictionary["passwords-common"]);
  return common.has(password.toLowerCase());
};

export const minPasswordLength = 12;

// Each message is also one of messages/en.json's "Validation" (lib/i18n/validation.ts says it in the reader's language).
export const passwordSchema = z
  .string("Choose a password.")
  .min(minPasswordLength, `Use at least ${minPasswordLength} characters.`)
  .max(1000, "Use at most 1,000 characters.")
  .refine((password) => !isCommon(password), "This password is too common. Choose one that is harder to guess.")
  .refine((password) => new Set(password).size > 2, "Use more different characters.");
