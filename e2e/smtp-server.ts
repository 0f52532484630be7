// A real SMTP server for the tests (integration tests in-process, e2e/mail-sink.ts for the
// end-to-end server): it takes what the app sends over SMTP and hands each message on. Recipients
// `refuse` names are refused with its reply (a 550 is a refusal for good, a 451 "try again later").
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; body: string };
type Refusal = { code: number; message: string };

export async function startSmtpServer({
  port = 0,
  refuse = () => null,
  onMessage = () => {},
}: {
  port?: number;
  refuse?: (address: string) => Refusal | null;
  onMessage?: (mail: ReceivedMail) => void;
} = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, callback) {
      const refusal = refuse(address.address);
      callback(refusal ? Object.assign(new Error(refusal.message), { responseCode: refusal.code }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mail = { to: session.envelope.rcptTo.map((rcpt) => rcpt.address), body: Buffer.concat(chunks).toString("latin1") };
        received.push(mail);
        onMessage(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address() as AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
