import { describe, expect, it } from "vitest";
import { checkConfirmation, checkFormToken, issueConfirmation, issueFormToken, minimumFillMs } from "./form-token";
import { deriveKey } from "./keys";

const secret = deriveKey("a-test-secret-that-is-long-enough-for-hmac", "form-stamp");

describe("form tokens", () => {
  it("accept a genuine token once the minimum fill time has passed", () => {
    const token = issueFormToken(secret, 1_000_000);
    expect(checkFormToken(token, secret, 1_000_000 + minimumFillMs)).toBe("ok");
    expect(checkFormToken(token, secret, 1_000_000 + 500)).toBe("too-fast");
  });

  it("refuse a forged, altered, stale, future or missing token", () => {
    const token = issueFormToken(secret, 1_000_000);
    expect(checkFormToken(issueFormToken(deriveKey("another secret entirely, also long enough", "form-stamp"), 1_000_000), secret, 1_010_000)).toBe("invalid");
    expect(checkFormToken(token.replace(/^1/, "2"), secret, 2_010_000)).toBe("invalid");
    expect(checkFormToken(token, secret, 1_000_000 + 25 * 60 * 60 * 1000)).toBe("invalid");
    expect(checkFormToken(token, secret, 999_000)).toBe("invalid");
    expect(checkFormToken(undefined, secret)).toBe("invalid");
    expect(checkFormToken("garbage", secret)).toBe("invalid");
  });

  it("confirm exactly the form a too-fast sender was asked about", () => {
    const token = issueFormToken(secret, 1_000_000);
    const confirmation = issueConfirmation(token, secret);
    expect(checkConfirmation(token, confirmation, secret)).toBe(true);
    expect(checkConfirmation(issueFormToken(secret, 1_000_001), confirmation, secret)).toBe(false);
    expect(checkConfirmation(token, confirmation.slice(1), secret)).toBe(false);
    expect(checkConfirmation(token, undefined, secret)).toBe(false);
  });
});
