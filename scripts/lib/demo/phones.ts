// Telephone numbers for the demo generator: valid for their country by libphonenumber's metadata
// (the same library as lib/validation), written the ways people write them.
import { getCountryCallingCode, getExampleNumber, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import examples from "libphonenumber-js/mobile/examples";
import type { Random } from "./random";

export const suffixLength = 4;
/** Where random digits rarely hit a fixed-line range: how such numbers start. */
const fixedLineStarts: Record<string, string> = { SM: "0549", LI: "2" };

/** A valid number whose last `suffixLength` digits can be anything: its E.164 prefix and ways of writing it. */
type PhoneStem = { prefix: string; national: string[]; international: string[] };
export type PhonePlan = { fixed: PhoneStem[]; mobile: PhoneStem[] };

/**
 * For each country, a few dozen valid fixed-line and mobile number stems, found by trying random
 * digits against libphonenumber's metadata (the same library and metadata as lib/validation).
 * Each way of writing a stem is checked to normalise back to the same E.164 number.
 */
export function phonePlan(country: string, random: Random): PhonePlan {
  const code = country as CountryCode;
  const callingCode = getCountryCallingCode(code);
  const example = getExampleNumber(code, examples)?.nationalNumber ?? "20123456";
  const lengths = [...new Set([example.length - 1, example.length, example.length + 1, 7, 8, 9, 10])].filter((length) => length >= suffixLength + 2);
  const plan: PhonePlan = { fixed: [], mobile: [] };
  for (const kind of ["fixed", "mobile"] as const) {
    const stems = plan[kind];
    for (let attempt = 0; stems.length < 24 && attempt < 8000; attempt++) {
      let digits: string;
      if (kind === "mobile") {
        digits = example.slice(0, attempt < 4000 ? 1 : 2);
        while (digits.length < example.length) digits += random.int(10);
      } else {
        // Lengths near the example's first (the usual ones), then any length the plan allows.
        const length = attempt < 3000 ? Math.max(suffixLength + 2, example.length + random.int(3) - 1) : random.pick(lengths);
        digits = fixedLineStarts[country] ?? String(country === "IT" ? random.int(10) : 1 + random.int(9));
        while (digits.length < length) digits += random.int(10);
      }
      const stem = phoneStem(country, callingCode, digits, kind, random);
      if (stem && !stems.some((other) => other.prefix === stem.prefix)) stems.push(stem);
    }
    if (stems.length === 0) throw new Error(`No ${kind} phone numbers found for ${country}`);
  }
  return plan;
}

function phoneStem(country: string, callingCode: string, digits: string, kind: "fixed" | "mobile", random: Random): PhoneStem | null {
  const region = country as CountryCode;
  const wanted = kind === "fixed" ? ["FIXED_LINE", "FIXED_LINE_OR_MOBILE"] : ["MOBILE", "FIXED_LINE_OR_MOBILE"];
  const stemDigits = digits.slice(0, -suffixLength);
  // The stem must stay valid, and of the same type, whatever its last digits are.
  for (const suffix of [digits.slice(-suffixLength), random.digits(suffixLength), random.digits(suffixLength), "0000", "9999"]) {
    const phone = parsePhoneNumberFromString(`+${callingCode}${stemDigits}${suffix}`);
    if (!phone || !phone.isValid() || !wanted.includes(phone.getType() ?? "")) return null;
  }
  const phone = parsePhoneNumberFromString(`+${callingCode}${digits}`)!;
  const e164 = phone.number;
  const national = phone.formatNational();
  const international = phone.formatInternational();
  const parsesBack = (text: string, region?: CountryCode) => parsePhoneNumberFromString(text, region)?.number === e164;
  const [areaCode, ...rest] = national.split(" ");
  const nationalForms = [national, national.replace(/\s/g, "")];
  // 02.238.56.86, 02 / 238.56.86 (not for formats with parentheses or dashes already).
  if (rest.length && !/[()-]/.test(national)) nationalForms.push(national.replace(/ /g, "."), `${areaCode} / ${rest.join(".")}`);
  const internationalForms = [international, e164, `00${international.slice(1)}`, `+${callingCode} (0)${international.slice(callingCode.length + 2)}`];
  const readable = (forms: string[]) => [...new Set(forms)].filter((text) => parsesBack(text, region));
  const nationalReadable = readable(nationalForms);
  // International forms are also used for numbers abroad, read in another default region: they
  // must read without one, except 00…, the international prefix everywhere in Europe.
  const internationalReadable = readable(internationalForms).filter((text) => text.startsWith("00") || parsesBack(text));
  if (nationalReadable.length === 0 || internationalReadable.length === 0) return null;
  return { prefix: e164.slice(0, -suffixLength), national: nationalReadable, international: internationalReadable };
}
