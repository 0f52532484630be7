import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "@/e2e/smtp-server";
import french from "@/messages/fr.json";
import german from "@/messages/de.json";

/** A message's text as people read it: quoted-printable soft breaks and escapes undone. */
const decoded = (body: string) =>
  body.replace(/=\r?\n/g, "").replace(/(?:=[0-9A-F]{2})+/g, (run) => Buffer.from(run.replace(/=/g, ""), "hex").toString("utf8"));

// A real SMTP server on a free port receives what the app sends.
let server: Awaited<ReturnType<typeof startSmtpServer>>;
let received: Awaited<ReturnType<typeof startSmtpServer>>["received"];

beforeAll(async () => {
  server = await startSmtpServer({ refuse: (address) => (address.endsWith("@refused.test") ? { code: 550, message: "No such mailbox" } : null) });
  received = server.received;
  process.env.SMTP_URL = server.url;
  process.env.MAIL_FROM = "PROVA test <directory@prova.test>";
});

afterAll(() => server.close());

describe("sendPasswordLink", () => {
  it("e-mails the link when SMTP is configured", async () => {
    const { sendPasswordLink } = await import("./mail");
    const link = "http://localhost:3000/set-password/abc123";
    await sendPasswordLink({ to: "new.person@prova.test", name: "New Person", link, validHours: 72, reason: "invite", language: "en" });
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(["new.person@prova.test"]);
    expect(received[0].body).toContain("Subject: Your PROVA directory account");
    expect(received[0].body).toContain(link);
    expect(received[0].body).toContain("for 72 hours");
    expect(received[0].body).toContain("directory@prova.test");
  });
});

describe("sendSuggestionOutcome", () => {
  it("tells a suggester the outcome, with the reviewer's words", async () => {
    const { sendSuggestionOutcome } = await import("./mail");
    await sendSuggestionOutcome({ to: "visitor@example.org", name: "Vi", organisation: "S.A.V.E. BELGIUM", outcome: "rejected", note: "We could not confirm it.", language: "en" });
    const mail = received.at(-1)!;
    expect(mail.to).toEqual(["visitor@example.org"]);
    expect(mail.body).toContain("Subject: Your suggestion about S.A.V.E. BELGIUM");
    expect(mail.body).toContain("was not taken up");
    expect(mail.body).toContain("We could not confirm it.");
  });

  it("writes in the language of the page the suggestion was sent from", async () => {
    const { sendSuggestionOutcome } = await import("./mail");
    await sendSuggestionOutcome({ to: "visiteur@example.org", name: "Vi", organisation: "S.A.V.E. BELGIUM", outcome: "approved", note: "Merci.", language: "fr" });
    const body = decoded(received.at(-1)!.body);
    expect(body).toContain(french.Mail.helloName.replace("{name}", "Vi"));
    expect(body).not.toContain("Thank you");
  });
});

describe("mail to staff", () => {
  it("is written in the recipient's chosen language", async () => {
    const { sendReviewDigest, sendDecision } = await import("./mail");
    await sendReviewDigest({
      to: "pruefer@prova.test",
      name: "Paula",
      count: 3,
      oldest: [{ name: "Beispiel", days: 1 }],
      link: "http://localhost:3000/admin/reviews",
      settings: "http://localhost:3000/admin/account",
      language: "de",
    });
    const digest = decoded(received.at(-1)!.body);
    expect(digest).toContain(german.Mail.helloName.replace("{name}", "Paula"));
    expect(digest).toContain(german.Mail.digestMore.replace("{count}", "2"));
    expect(digest).not.toContain("waited for review");
    await sendDecision({
      to: "redaktion@prova.test",
      name: "Rita",
      organisation: "Beispiel",
      outcome: "rejected",
      note: "",
      link: "http://localhost:3000/admin/changes/x",
      settings: "http://localhost:3000/admin/account",
      language: "de",
    });
    const decision = decoded(received.at(-1)!.body);
    expect(decision).toContain("http://localhost:3000/admin/changes/x");
    expect(decision).not.toContain("Your change to");
  });
});

describe("sendConfirmationRequest", () => {
  it("asks in the listing's language, its countries named in it, with the links it is given", async () => {
    const { sendConfirmationRequest } = await import("./mail");
    await sendConfirmationRequest({
      to: "info@example.be",
      language: "fr",
      listing: { name: "Exemple", acronym: null, website: null, description: "Prévention.", countries: [{ code: "BE", name: "Belgium" }], contacts: [{ type: "PHONE", label: null, value: "+3225112233" }] },
      confirmLink: "http://localhost:3000/fr/confirm/abc",
      unsubscribeLink: "http://localhost:3000/fr/confirm/abc/unsubscribe",
      oneClickUnsubscribe: "http://localhost:3000/api/unsubscribe/abc",
      expiresAt: new Date("2026-03-03T12:00:00Z"),
    });
    const body = decoded(received.at(-1)!.body);
    expect(body).toContain(`${french.Mail.countries}: Belgique`);
    expect(body).toContain(`${french.ContactTypes.PHONE}: +3225112233`);
    expect(body).toContain("3 mars 2026");
    expect(body).toContain("http://localhost:3000/fr/confirm/abc");
    expect(body).not.toContain("Hello");
  });
});

describe("a failure", () => {
  it("throws, so that the mail job is retried", async () => {
    const { sendSuggestionOutcome } = await import("./mail");
    await expect(sendSuggestionOutcome({ to: "nobody@refused.test", name: null, organisation: "Gone", outcome: "approved", note: "", language: "en" })).rejects.toThrow("No such mailbox");
  });
});
