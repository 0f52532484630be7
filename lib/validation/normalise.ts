// Normalisation of the values people type: the one place that decides what a valid
// e-mail, phone number, address or URL is, shared by forms, server actions and the seed.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

export type Normalised = { ok: true; value: string } | { ok: false; message: string };

const schemeless = /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+([/?#:].*)?$/i;

/** A web address with an http(s) scheme; `www.example.org` gains `https://`. Anything else is refused. */
export function normaliseUrl(input: string): Normalised {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, message: "Enter a web address." };
  if (/\s/.test(trimmed)) return { ok: false, message: "A web address cannot contain spaces." };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !schemeless.test(trimmed);
  const candidate = hasScheme ? trimmed : `https://${trimmed.replace(/^\/\//, "")}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, message: "Enter a web address such as https://www.example.org." };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, message: "Only http:// and https:// web addresses are allowed." };
  }
  if (!url.hostname.includes(".") || url.username || url.password) {
    return { ok: false, message: "Enter a web address such as https://www.example.org." };
  }
  return { ok: true, value: candidate };
}

const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

export function normaliseEmail(input: string): Normalised {
  const value = input.trim().replace(/^mailto:/i, "").toLowerCase();
  if (!value) return { ok: false, message: "Enter an e-mail address." };
  if (value.length > 254 || !emailPattern.test(value)) {
    return { ok: false, message: "Enter an e-mail address such as info@example.org." };
  }
  return { ok: true, value };
}

/** E.164, reading national numbers (e.g. `0032 471 51 27 45`, `02 / 238.56.86`) in the default region. */
export function normalisePhone(input: string, region: string | undefined): Normalised {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, message: "Enter a phone number." };
  const phone = parsePhoneNumberFromString(trimmed, region?.toUpperCase() as CountryCode | undefined);
  if (!phone || !phone.isValid()) {
    return {
      ok: false,
      message: region
        ? `Enter a valid phone number, with its country code (e.g. +32 2 234 56 78) if it is not in ${region.toUpperCase()}.`
        : "Enter a valid phone number with its country code, e.g. +32 2 234 56 78.",
    };
  }
  return { ok: true, value: phone.number };
}

/** A stored (E.164) phone number as people read it: +32471512745 is "+32 471 51 27 45". */
export function readablePhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** Postal address: one line per line, without the trailing commas and dashes of pasted text. */
export function normaliseAddress(input: string): Normalised {
  const lines = input
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/[\s,;–-]+$/u, "").trim())
    .filter(Boolean);
  if (lines.length === 0) return { ok: false, message: "Enter an address." };
  return { ok: true, value: lines.join("\n") };
}

/** Removes control characters (keeping line breaks and tabs), which no listing needs. */
export function stripControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}
