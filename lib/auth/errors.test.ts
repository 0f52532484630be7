import { describe, expect, it } from "vitest";
import { disabledError, signInErrorMessage, throttledError, throttledMinutes } from "./errors";

describe("sign-in errors", () => {
  const now = new Date("2026-01-01T12:00:00Z");
  const after = (ms: number) => new Date(now.getTime() + ms);

  it("carry the whole minutes to wait, rounded up, at least one", () => {
    expect(throttledError(after(14 * 60_000 + 1), now)).toBe("throttled:15");
    expect(throttledError(after(15 * 60_000), now)).toBe("throttled:15");
    expect(throttledError(after(10), now)).toBe("throttled:1");
    expect(throttledMinutes(throttledError(after(24 * 60 * 60_000), now))).toBe(1440);
  });

  it("say how long to wait, in minutes and then hours", async () => {
    expect(await signInErrorMessage("throttled:14", "en")).toBe("Too many failed sign-ins. Try again in 14 minutes.");
    expect(await signInErrorMessage("throttled:1", "en")).toBe("Too many failed sign-ins. Try again in 1 minute.");
    expect(await signInErrorMessage("throttled:90", "en")).toBe("Too many failed sign-ins. Try again in 90 minutes.");
    expect(await signInErrorMessage("throttled:91", "en")).toBe("Too many failed sign-ins. Try again in 2 hours.");
    expect(await signInErrorMessage("throttled:240", "en")).toBe("Too many failed sign-ins. Try again in 4 hours.");
  });

  it("say nothing else than what the error is, whatever a link puts in ?error=", async () => {
    expect(await signInErrorMessage("CredentialsSignin", "en")).toBe("The e-mail address or password is not correct.");
    expect(await signInErrorMessage(disabledError, "en")).toBe("Your account is disabled; ask an administrator.");
    for (const error of ["", "throttled", "throttled:0", "throttled:1e9", "throttled:5.5", "throttled:-3", "throttled:1441", "Configuration", "<b>hi</b>"]) {
      expect(await signInErrorMessage(error, "en")).toBe("Signing in did not work. Try again in a moment.");
    }
  });

  it("are said in the page's language, with its plural forms", async () => {
    expect(await signInErrorMessage("CredentialsSignin", "fr")).toBe("L'adresse e-mail ou le mot de passe est incorrect.");
    expect(await signInErrorMessage(disabledError, "fr")).toBe("Votre compte est désactivé\u00a0; adressez-vous à un administrateur.");
    expect(await signInErrorMessage("Configuration", "fr")).toBe("La connexion n'a pas abouti. Réessayez dans un instant.");
    expect(await signInErrorMessage("throttled:1", "fr")).toBe("Trop de tentatives de connexion infructueuses. Réessayez dans 1 minute.");
    expect(await signInErrorMessage("throttled:14", "fr")).toBe("Trop de tentatives de connexion infructueuses. Réessayez dans 14 minutes.");
    expect(await signInErrorMessage("throttled:240", "fr")).toBe("Trop de tentatives de connexion infructueuses. Réessayez dans 4 heures.");
    // Romanian: one, few (2–19) and other (20 and more, "de").
    expect(await signInErrorMessage("throttled:1", "ro")).toMatch(/ 1 minut\.$/);
    expect(await signInErrorMessage("throttled:14", "ro")).toMatch(/ 14 minute\.$/);
    expect(await signInErrorMessage("throttled:45", "ro")).toMatch(/ 45 de minute\.$/);
  });
});
