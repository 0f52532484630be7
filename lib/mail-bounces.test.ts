import { describe, expect, it } from "vitest";
import { permanentFailures } from "./mail-bounces";

// As Postfix sends it: a human part, the delivery-status part, the original headers.
const postfix = [
  "From: MAILER-DAEMON@relay.example (Mail Delivery System)",
  "Subject: Undelivered Mail Returned to Sender",
  'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
  "",
  "--B1",
  "Content-Type: text/plain",
  "",
  "I'm sorry to have to inform you that your message could not be delivered.",
  "",
  "--B1",
  "Content-Type: message/delivery-status",
  "",
  "Reporting-MTA: dns; relay.example",
  "Arrival-Date: Thu,  3 Dec 2026 15:00:00 +0000 (UTC)",
  "",
  "Final-Recipient: rfc822; Office@Gone.Example",
  "Original-Recipient: rfc822;office@gone.example",
  "Action: failed",
  "Status: 5.1.1",
  "Remote-MTA: dns; mx.gone.example",
  "Diagnostic-Code: smtp; 550 5.1.1 <office@gone.example>: Recipient address",
  "    rejected: User unknown",
  "",
  "Final-Recipient: rfc822; slow@busy.example",
  "Action: delayed",
  "Status: 4.4.1",
  "",
  "--B1",
  "Content-Type: text/rfc822-headers",
  "",
  "To: office@gone.example",
  "Subject: Is your listing in the PROVA directory still correct?",
  "",
  "--B1--",
].join("\r\n");

describe("permanentFailures", () => {
  it("finds each recipient whose delivery failed for good, with the server's reason, and leaves delays out", () => {
    expect(permanentFailures(postfix)).toEqual([
      { email: "office@gone.example", status: "5.1.1", diagnostic: "550 5.1.1 <office@gone.example>: Recipient address rejected: User unknown" },
    ]);
  });

  it("reads LF line ends, an address in angle brackets, and several failed recipients once each", () => {
    const exim = ["Content-Type: message/delivery-status", "", "Reporting-MTA: dns; mx", "", "Final-Recipient: rfc822;<a@x.example>", "Action: failed", "Status: 5.0.0", "", "Final-Recipient: rfc822;b@x.example", "Action: failed", "Status: 5.2.2 (mailbox full)", "", "Final-Recipient: rfc822;a@x.example", "Action: failed", "Status: 5.0.0"].join("\n");
    expect(permanentFailures(exim).map((bounce) => [bounce.email, bounce.status])).toEqual([
      ["a@x.example", "5.0.0"],
      ["b@x.example", "5.2.2"],
    ]);
  });

  it("finds nothing in a message that is not a report of failure, however it is written", () => {
    for (const message of ["", "Hello,\n\nthanks for your message.", "Final-Recipient: rfc822; a@x.example\nAction: failed\nStatus: 4.2.0", "Final-Recipient: not an address\nAction: failed\nStatus: 5.1.1", "\u0000\uffff".repeat(1000)]) {
      expect(permanentFailures(message)).toEqual([]);
    }
  });
});
