// Secrets a job carries (a set-password link) are stored sealed: AES-256-GCM under a key derived
// from NEXTAUTH_SECRET, so the job table holds nothing a reader of the database could use. The
// worker opens them with the same secret (npm start gives the worker the web server's environment).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { z } from "zod";
import { appKey } from "@/lib/security/keys";

const prefix = "sealed.v1.";

/** A sealed text as stored in a job's data. */
export const sealedSchema = z.string().startsWith(prefix).max(10_000);

export function seal(text: string, key = appKey("job-data")): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return `${prefix}${[iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".")}`;
}

/** The text, or an error when it was sealed with another secret or altered. */
export function unseal(sealed: string, key = appKey("job-data")): string {
  const [iv, tag, body] = sealed.slice(prefix.length).split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !body) throw new Error("The sealed value is malformed.");
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("The sealed value cannot be opened: it was sealed with another NEXTAUTH_SECRET, or altered.");
  }
}
