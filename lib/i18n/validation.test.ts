import { describe, expect, it } from "vitest";
import english from "@/messages/en.json";
import french from "@/messages/fr.json";
import { organisationFormSchema, suggestionFormSchema } from "@/lib/validation/organisation";
import { changeRoleSchema, setPasswordSchema, userSchema } from "@/lib/validation/user";
import { localiseFieldErrors, validationKeyOf } from "./validation";

const contact = (type: string, value: string, label = "") => ({
  type,
  value,
  label,
});
const long = (length: number) => "x".repeat(length);

/** Forms that between them break every rule the organisation and account forms have. */
const badForms = [
  { schema: suggestionFormSchema, form: { name: "", kind: "", countries: [] } },
  {
    schema: suggestionFormSchema,
    form: {
      name: long(201),
      acronym: long(21),
      kind: "NGO",
      description: long(20_001),
      countries: ["B1"],
      note: long(2001),
      suggesterName: long(201),
    },
  },
  {
    schema: suggestionFormSchema,
    form: {
      name: "A",
      kind: "NGO",
      countries: ["BE", "BE"],
      status: "PUBLISHED",
    },
  },
  {
    schema: suggestionFormSchema,
    form: {
      name: "A",
      kind: "NGO",
      countries: ["BE"],
      website: "www.exa mple.org",
      suggesterEmail: "nobody",
    },
  },
  {
    schema: suggestionFormSchema,
    form: {
      name: "A",
      kind: "NGO",
      countries: ["BE"],
      website: "ftp://example.org",
    },
  },
  {
    schema: suggestionFormSchema,
    form: { name: "A", kind: "NGO", countries: ["BE"], website: "http://" },
  },
  {
    schema: suggestionFormSchema,
    form: {
      name: "A",
      kind: "NGO",
      countries: ["BE"],
      contacts: [
        contact("EMAIL", ""),
        contact("EMAIL", "not an address"),
        contact("PHONE", ""),
        contact("PHONE", "12"),
        contact("ADDRESS", " ,\n - "),
        contact("CONTACT_FORM", ""),
      ],
    },
  },
  {
    schema: suggestionFormSchema,
    form: {
      name: "A",
      kind: "NGO",
      countries: ["BE"],
      contacts: [contact("LETTER", "x"), contact("EMAIL", long(2001), long(101))],
    },
  },
  {
    schema: suggestionFormSchema,
    form: {
      name: "A",
      kind: "NGO",
      countries: [],
      contacts: [contact("FAX", "12")],
    },
  },
  {
    schema: suggestionFormSchema,
    form: {
      name: "A",
      kind: "NGO",
      countries: ["BE"],
      contacts: Array.from({ length: 51 }, () => contact("EMAIL", "a@example.org")),
    },
  },
  {
    schema: organisationFormSchema,
    form: {
      name: "A",
      kind: "NGO",
      countries: ["BE"],
      slug: "Not A Slug",
      originalLanguage: "xx",
    },
  },
  {
    schema: organisationFormSchema,
    form: { name: "A", kind: "NGO", countries: ["BE"], slug: long(81) },
  },
  // Accounts (an admin's invitation, npm run user:create) and their passwords (the set-password link).
  { schema: userSchema, form: {} },
  {
    schema: userSchema,
    form: { email: "ada@example.org", name: " ", role: "BOSS", password: "short" },
  },
  {
    schema: userSchema,
    form: { email: "ada@example.org", name: long(201), role: "EDITOR", password: long(1001) },
  },
  { schema: changeRoleSchema, form: { userId: "nobody", role: "EDITOR" } },
  {
    schema: setPasswordSchema,
    form: { token: long(30), password: "correct horse battery staple" },
  },
  {
    schema: setPasswordSchema,
    form: { token: long(30), password: "correct horse battery staple", confirm: "correct horse battery" },
  },
];

const messagesOf = () =>
  badForms.flatMap(({ schema, form }) => {
    const parsed = schema.safeParse(form);
    expect(parsed.success).toBe(false);
    return parsed.error!.issues.map((issue) => issue.message);
  });

describe("validation messages", () => {
  it("finds each English message again by its text, with its arguments", () => {
    for (const [key, message] of Object.entries(english.Validation)) {
      const filled = message.replace(/\{(\w+)\}/g, (_, name: string) => `<${name}>`);
      const found = validationKeyOf(filled);
      expect(found?.key, key).toBe(key);
      for (const [name, value] of Object.entries(found!.values)) expect(value).toBe(`<${name}>`);
    }
  });

  it("knows every message the organisation and account forms give", () => {
    const messages = messagesOf();
    const unknown = messages.filter((message) => validationKeyOf(message) === null);
    expect(unknown).toEqual([]);
    // Each rule of the forms was broken above: its message is one of these.
    const given = new Set(messages.map((message) => validationKeyOf(message)!.key));
    const elsewhere = [
      "suggestionUnchanged",
      "confirmationUsed",
      "contactNotOwn",
      "checkFields",
      "failed",
      "listingEmail",
      "denied",
      "signedOut",
      "signInAgain",
      "languageRequired",
      "settingsFromAccount",
      "checkbox",
    ];
    expect([...given].sort()).toEqual(
      Object.keys(english.Validation)
        .filter((key) => !elsewhere.includes(key))
        .sort(),
    );
  });

  it("gives a form's errors in the reader's language, arguments kept", async () => {
    const errors = await localiseFieldErrors(
      {
        name: [english.Validation.nameRequired],
        "contacts.0.value": ["Enter a valid phone number, with its country code (e.g. +32 2 234 56 78) if it is not in BE."],
      },
      "fr",
    );
    expect(errors.name).toEqual([french.Validation.nameRequired]);
    expect(errors.name).not.toEqual([english.Validation.nameRequired]);
    expect(errors["contacts.0.value"]?.[0]).toBe(french.Validation.phoneInvalidIn.replace("{region}", "BE"));
  });

  it("leaves English, and a message that is not a validation message, as written", async () => {
    expect(await localiseFieldErrors({ name: [english.Validation.nameRequired] }, "en")).toEqual({ name: [english.Validation.nameRequired] });
    expect(await localiseFieldErrors({ form: ["Something else."] }, "fr")).toEqual({ form: ["Something else."] });
  });
});
