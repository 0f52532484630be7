// Finds web addresses and e-mail addresses in plain text, so they can be rendered as links
// (React escapes the text; only http(s) and mailto links are ever produced).
import { normaliseEmail, normaliseUrl } from "@/lib/validation/normalise";

export type TextPart = { text: string; href?: string };

const candidate = /\b(?:https?:\/\/|www\.)[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(candidate)) {
    // A sentence's closing punctuation is not part of the address.
    const raw = match[0].replace(/[.,;:!?)\]]+$/, "");
    const start = match.index;
    const href = raw.includes("@") && !raw.includes("/") ? mail(raw) : web(raw);
    if (!href) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

function web(raw: string) {
  const result = normaliseUrl(raw);
  return result.ok ? result.value : undefined;
}

function mail(raw: string) {
  const result = normaliseEmail(raw);
  return result.ok ? `mailto:${result.value}` : undefined;
}
