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

  it("say how long to wait, in minutes and then hours", () => {
    expect(signInErrorMessage("throttled:14")).toBe("Too many failed sign-ins. Try again in 14 minutes.");
    expect(signInErrorMessage("throttled:1")).toBe("Too many failed sign-ins. Try again in 1 minute.");
    expect(signInErrorMessage("throttled:240")).toBe("Too many failed sign-ins. Try again in 4 hours.");
  });

  it("say nothing else than what the error is, whatever a link puts in ?error=", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe("The e-mail address or password is not correct.");
    expect(signInErrorMessage(disabledError)).toBe("Your account is disabled; ask an administrator.");
    for (const error of ["", "throttled", "throttled:0", "throttled:1e9", "throttled:5.5", "throttled:-3", "throttled:1441", "Configuration", "<b>hi</b>"]) {
      expect(signInErrorMessage(error)).toBe("Signing in did not work. Try again in a moment.");
    }
  });
});
