import { describe, expect, it } from "vitest";
import { deriveKey } from "@/lib/security/keys";
import { seal, sealedSchema, unseal } from "./sealed";

const key = deriveKey("a-test-secret-that-is-at-least-32-characters", "job-data");
const link = "https://directory.example.org/set-password/abcDEF123";

describe("sealed job data", () => {
  it("opens with the same key, and shows nothing of the text", () => {
    const sealed = seal(link, key);
    expect(sealedSchema.safeParse(sealed).success).toBe(true);
    expect(sealed).not.toContain("abcDEF123");
    expect(unseal(sealed, key)).toBe(link);
    // A fresh nonce each time.
    expect(seal(link, key)).not.toBe(sealed);
  });

  it("refuses another secret's key, and an altered text", () => {
    const sealed = seal(link, key);
    expect(() => unseal(sealed, deriveKey("another-secret-that-is-at-least-32-characters", "job-data"))).toThrow("sealed with another NEXTAUTH_SECRET");
    const parts = sealed.split(".");
    parts[4] = Buffer.from("https://evil.example/").toString("base64url");
    expect(() => unseal(parts.join("."), key)).toThrow("cannot be opened");
    expect(() => unseal("sealed.v1.x", key)).toThrow("malformed");
  });
});
