import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deriveKey, revalidateToken } from "./keys";

const secret = "a-test-secret-that-is-at-least-32-characters";

describe("deriveKey", () => {
  it("gives each purpose its own 32-byte key, the same every time", () => {
    const stamp = deriveKey(secret, "form-stamp");
    const revalidate = deriveKey(secret, "revalidate");
    expect(stamp).toHaveLength(32);
    expect(revalidate).toHaveLength(32);
    expect(stamp.equals(revalidate)).toBe(false);
    expect(deriveKey(secret, "form-stamp").equals(stamp)).toBe(true);
  });

  it("is HKDF-SHA256 with the purpose's label, not the secret itself", () => {
    // RFC 5869 with an empty salt: the pseudorandom key is HMAC(zero salt, secret), one block of output.
    const prk = createHmac("sha256", Buffer.alloc(32)).update(secret).digest();
    const expected = createHmac("sha256", prk).update(Buffer.concat([Buffer.from("prova/revalidate"), Buffer.from([1])])).digest();
    expect(deriveKey(secret, "revalidate").equals(expected)).toBe(true);
    expect(revalidateToken(secret)).toBe(expected.toString("base64url"));
    expect(revalidateToken(secret)).not.toContain(secret);
    expect(deriveKey(secret, "revalidate").equals(Buffer.from(secret))).toBe(false);
  });

  it("differs with the secret and refuses an empty one", () => {
    expect(revalidateToken(secret)).not.toBe(revalidateToken(`${secret}!`));
    expect(() => deriveKey("", "form-stamp")).toThrow("NEXTAUTH_SECRET is not set");
  });
});
