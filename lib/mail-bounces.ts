// Delivery status notifications (RFC 3464): the message a mail server sends back, later, when it
// could not deliver one (a relay accepts every recipient at once and bounces afterwards). What
// matters here is, per recipient, whether delivery failed for good: `Action: failed` with a
// `Status` of class 5. The per-recipient fields are groups of header-like lines separated by a
// blank line, in the message/delivery-status part; headers of the original message (in a
// text/rfc822-headers part) never carry them.

export type Bounce = { email: string; status: string; diagnostic: string | null };

/** The fields of one group: lower-case names, folded lines unfolded. */
function fieldsOf(group: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of group.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const match = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (match) fields.set(match[1].toLowerCase(), match[2].trim());
  }
  return fields;
}

/** "rfc822; Someone@Example.org" or "rfc822;<someone@example.org>" → "someone@example.org". */
function addressOf(value: string): string | null {
  const address = value.replace(/^rfc822\s*;/i, "").trim().replace(/^<|>$/g, "").toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(address) ? address : null;
}

/** The recipients a delivery status notification says failed for good (none when it is not one). */
export function permanentFailures(message: string): Bounce[] {
  const bounces: Bounce[] = [];
  for (const group of message.split(/\r?\n\r?\n/)) {
    const fields = fieldsOf(group);
    const recipient = fields.get("final-recipient") ?? fields.get("original-recipient");
    const status = fields.get("status")?.split(/\s/)[0] ?? "";
    if (!recipient || fields.get("action")?.toLowerCase() !== "failed" || !/^5\.\d{1,3}\.\d{1,3}$/.test(status)) continue;
    const email = addressOf(recipient);
    if (email && !bounces.some((bounce) => bounce.email === email)) {
      bounces.push({ email, status, diagnostic: fields.get("diagnostic-code")?.replace(/^smtp\s*;\s*/i, "") ?? null });
    }
  }
  return bounces;
}
