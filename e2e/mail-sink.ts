// The end-to-end tests' mail server (playwright.config.ts starts it before the app and its
// worker, which send to it through SMTP_URL): a real SMTP server that keeps every message it takes
// as a file in E2E_MAIL_DIR, for e2e/mail.ts to read. Recipients beginning with "refused-" are
// refused for good (550), as a mailbox that does not exist.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startSmtpServer } from "./smtp-server";

const port = Number(process.env.E2E_SMTP_PORT);
const dir = process.env.E2E_MAIL_DIR;
if (!port || !dir) throw new Error("The mail sink needs E2E_SMTP_PORT and E2E_MAIL_DIR.");
mkdirSync(dir, { recursive: true });

let count = 0;
const server = await startSmtpServer({
  port,
  refuse: (address) => (address.startsWith("refused-") ? { code: 550, message: "No such mailbox here" } : null),
  onMessage: ({ to, body }) => writeFileSync(path.join(dir, `${Date.now()}-${String(count++).padStart(6, "0")}.json`), JSON.stringify({ to, raw: body })),
});
console.log(`[mail sink] ready on port ${port}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void server.close().then(() => process.exit(0)));
