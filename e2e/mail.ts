// Reading what the app e-mailed, from the mail sink (e2e/mail-sink.ts).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";

export type Mail = { to: string[]; subject: string; headers: string; text: string };

/** A message's text: quoted-printable undone (soft line breaks, =XX bytes), read as UTF-8. */
function decode(raw: string): Mail & { to: [] } {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const quoted = /content-transfer-encoding: quoted-printable/i.test(headers);
  const text = quoted ? Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8") : Buffer.from(body, "latin1").toString("utf8");
  return { to: [], subject: /^subject: (.*)$/im.exec(headers)?.[1] ?? "", headers, text };
}

async function messages(): Promise<Mail[]> {
  const dir = process.env.E2E_MAIL_DIR!;
  const files = (await readdir(dir).catch(() => [])).sort();
  return Promise.all(
    files.map(async (file) => {
      const { to, raw } = JSON.parse(await readFile(path.join(dir, file), "utf8")) as { to: string[]; raw: string };
      return { ...decode(raw), to };
    }),
  );
}

/** Every message to `address` so far, oldest first. */
export async function mailsTo(address: string): Promise<Mail[]> {
  return (await messages()).filter((mail) => mail.to.includes(address));
}

/** Waits for the `n`th message (1: the first) to `address` and returns it. */
export async function waitForMail(address: string, n = 1): Promise<Mail> {
  await expect.poll(async () => (await mailsTo(address)).length, { message: `message ${n} to ${address}`, timeout: 20_000 }).toBeGreaterThanOrEqual(n);
  return (await mailsTo(address))[n - 1];
}
