// Synthetic organisations, one after another, from a seed: names, descriptions, streets and
// labels in the language of the organisation's first country (word lists in scripts/data/demo/),
// contacts that obey the same rules as an editor's input (lib/validation/normalise.ts), each with
// the raw value as a person would type it.
import { slugFor } from "../../../lib/slug";
import { LaunchError } from "../database";
import { phonePlan, suffixLength, type PhonePlan } from "./phones";
import { Random, Weighted, mix } from "./random";
import { acronymOf, ascii, capitalise, elide, fill, pattern, replaceLastDigits, significantWords } from "./text";
import { countryInfo, governmentDomains, languages, syllables, type ContactKind, type Kind, type Language, type Place } from "./vocabulary";

const kindWeights: Record<Kind, number> = {
  ngo: 34,
  project: 15,
  government_body: 12,
  research_education: 11,
  network: 9,
  other: 9,
  security_service: 5,
  political_group: 5,
};

const acronymChance: Record<Kind, number> = {
  ngo: 0.3,
  project: 0.15,
  government_body: 0.45,
  security_service: 0.6,
  network: 0.45,
  political_group: 0.4,
  research_education: 0.45,
  other: 0.1,
};

export type DemoContact = { id: string; position: number; type: ContactKind; label: string | null; value: string; rawValue: string };
export type DemoOrganisation = {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  kind: Kind;
  description: string;
  website: string | null;
  status: "published" | "archived";
  createdAt: Date;
  updatedAt: Date;
  lastVerifiedAt: Date | null;
  countries: string[];
  contacts: DemoContact[];
};

export type GeneratorOptions = {
  seed: number;
  count: number;
  /** Country codes present in the database (others are never used). */
  countries: { code: string; name: string }[];
  /** Generated slugs end in -(slugOffset + row number). */
  slugOffset?: number;
  /** "Now", for the spread of timestamps over the past years. */
  now?: Date;
};

const yearMs = 365.25 * 24 * 3600 * 1000;
const contactCountWeights = new Weighted<number>([[0, 8], [1, 15], [2, 25], [3, 25], [4, 17], [5, 10]]);
const contactTypeWeights = new Weighted<ContactKind>([["email", 34], ["phone", 28], ["address", 18], ["contact_form", 11], ["fax", 9]]);
const countryCountWeights = new Weighted<number>([[1, 48], [2, 34], [3, 18]]);

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, "0");
}

/** A UUIDv7 (time-ordered, like the column's default) for a timestamp, with random bits from `random`. */
function uuid7(ms: number, random: Random): string {
  const a = random.uint32();
  const b = random.uint32();
  const c = random.uint32();
  return (
    hex(Math.floor(ms / 0x10000), 8) +
    "-" +
    hex(ms % 0x10000, 4) +
    "-7" +
    hex(a & 0xfff, 3) +
    "-" +
    hex(0x8000 | ((a >>> 12) & 0x3fff), 4) +
    "-" +
    hex(b & 0xffff, 4) +
    hex(c, 8)
  );
}

/** Creates organisations one after another; the same seed gives the same names, texts and contacts. */
export function createDemoGenerator(options: GeneratorOptions) {
  const random = new Random(options.seed);
  // Ids come from their own stream, which also depends on the slug offset: a second run into the
  // same database gets other ids, while the content stays the seed's.
  const ids = new Random(mix(options.seed, options.slugOffset ?? 0, 0x1d5));
  const now = (options.now ?? new Date()).getTime();
  const start = now - 8 * yearMs;
  const span = now - start - 24 * 3600 * 1000;
  const countryNames = new Map(options.countries.map((country) => [country.code, country.name]));
  const available = (code: string) => countryNames.has(code) && code in countryInfo;

  const languageWeights = new Weighted(
    languages.filter((language) => Object.keys(language.countries).some(available)).map((language) => [language, language.weight] as const),
  );
  if (languageWeights.size === 0) throw new LaunchError("None of the countries in the database is known to the demo data generator.");
  const firstCountry = new Map(
    languages.map((language) => [
      language.code,
      new Weighted(Object.entries(language.countries).filter(([code]) => available(code))),
    ]),
  );
  // Other countries an organisation works in: weighted like first countries, across languages.
  const overall = new Map<string, number>();
  for (const language of languages) {
    const total = Object.values(language.countries).reduce((sum, weight) => sum + weight, 0);
    for (const [code, weight] of Object.entries(language.countries)) {
      if (available(code)) overall.set(code, (overall.get(code) ?? 0) + (language.weight * weight) / total + 0.3);
    }
  }
  const otherCountries = new Weighted([...overall]);
  const kinds = new Weighted(Object.entries(kindWeights) as [Kind, number][]);
  const phonePlans = new Map<string, PhonePlan>();
  const phoneRandom = new Random(mix(options.seed, 0x9e3779b9));
  const planFor = (country: string) => {
    let plan = phonePlans.get(country);
    if (!plan) phonePlans.set(country, (plan = phonePlan(country, phoneRandom)));
    return plan;
  };
  // Built up front, in a fixed order, so that the numbers do not depend on which country came first.
  for (const code of [...overall.keys()].sort()) planFor(code);

  let index = 0;

  /** A made-up, pronounceable brand name ("Velora", "Tamiko"), as many projects and associations have. */
  function brandName(): string {
    let word = random.pick(syllables) + random.pick(syllables);
    if (random.chance(0.5)) word += random.pick(syllables);
    return capitalise(word);
  }

  function place(country: string, language: string): Place {
    const info = countryInfo[country];
    return info.local?.[language] ?? info;
  }

  function domainFor(name: string, acronym: string | null, kind: Kind, country: string, city: string): string {
    let label: string;
    if (acronym && random.chance(0.6)) {
      label = ascii(acronym);
    } else {
      const words = significantWords(name.replace(city, "")).slice(0, 3).map(ascii).filter(Boolean);
      label = words.join(random.chance(0.7) ? "-" : "");
      if (random.chance(0.2)) label += `-${ascii(city)}`;
    }
    if (label.length > 40) label = label.slice(0, label.lastIndexOf("-", 40) > 0 ? label.lastIndexOf("-", 40) : 40);
    label ||= "org";
    const tld = countryInfo[country].tld;
    if (kind === "government_body" || (kind === "security_service" && random.chance(0.7))) {
      return `${label}.${governmentDomains[country] ?? `gov.${tld}`}`;
    }
    if (kind === "research_education" && country === "GB") return `${label}.ac.uk`;
    if (kind === "network" && random.chance(0.3)) return `${label}.eu`;
    const roll = random.next();
    if (roll < 0.1) return `${label}.org`;
    if (roll < 0.14) return `${label}.eu`;
    if (roll < 0.16) return `${label}.net`;
    return country === "GB" ? `${label}.org.uk` : `${label}.${tld}`;
  }

  function description(language: Language, name: string, city: string): string {
    if (random.chance(0.06)) return "";
    const values = { name, city, year: String(random.between(1978, 2024)) };
    const sentences = language.sentences;
    const paragraphs: string[] = [];
    const used = new Set<number>();
    const paragraphCount = random.pick([1, 1, 2, 2, 3]);
    for (let p = 0; p < paragraphCount; p++) {
      const parts: string[] = [];
      const sentenceCount = random.between(1, 3);
      for (let s = 0; s < sentenceCount && used.size < sentences.length; s++) {
        // The first sentence usually introduces the organisation.
        let pick = p === 0 && s === 0 && random.chance(0.7) ? 0 : random.int(sentences.length);
        while (used.has(pick)) pick = (pick + 1) % sentences.length;
        used.add(pick);
        parts.push(fill(sentences[pick], values));
      }
      if (parts.length) paragraphs.push(parts.join(" "));
    }
    const text = paragraphs.join("\n\n");
    return language.code === "fr" ? elide(text) : text;
  }

  function phone(countries: string[], kind: "fixed" | "mobile"): { value: string; rawValue: string } {
    // Mostly in the organisation's first country (its default region), written as people do;
    // numbers abroad need their country code.
    const abroad = countries.length > 1 && random.chance(0.12);
    const country = abroad ? countries[1 + random.int(countries.length - 1)] : countries[0];
    const stems = planFor(country)[kind];
    const stem = random.pick(stems);
    const suffix = random.digits(suffixLength);
    const forms = abroad || random.chance(0.3) ? stem.international : stem.national;
    return { value: stem.prefix + suffix, rawValue: replaceLastDigits(random.pick(forms), suffix) };
  }

  function email(language: Language, domain: string | null, country: string, name: string): { value: string; rawValue: string } {
    let local: string;
    if (random.chance(0.2)) {
      const first = ascii(random.pick(language.people[0])).replace(/-/g, "");
      const last = ascii(random.pick(language.people[1])).replace(/-/g, "");
      local = random.chance(0.5) ? `${first}.${last}` : `${first[0]}.${last}`;
    } else {
      local = random.pick(language.mailboxes);
    }
    if (!domain) {
      // No website: a free mailbox named after the organisation.
      local = significantWords(name).slice(0, 3).map(ascii).filter(Boolean).join(".") || local;
      domain = random.pick(countryInfo[country].mail);
    }
    const value = `${local}@${domain}`;
    const roll = random.next();
    let rawValue = value;
    if (roll < 0.15) rawValue = capitalise(value);
    else if (roll < 0.22) rawValue = `${local}@${domain.toUpperCase()}`;
    else if (roll < 0.27) rawValue = `mailto:${value}`;
    else if (roll < 0.3) rawValue = ` ${value} `;
    return { value, rawValue };
  }

  function address(country: string, language: string, name: string, city: string): { value: string; rawValue: string } {
    const info = countryInfo[country];
    const local = place(country, language);
    const number = String(random.between(1, 180)) + (random.chance(0.08) ? random.pick(["a", "b", "A"]) : "");
    const lines: string[] = [];
    if (random.chance(0.2)) lines.push(name);
    lines.push(random.pick(local.streets).replace("#", number));
    const postcode = pattern(random, info.postcode);
    switch (info.cityLine ?? "pc city") {
      case "pc city":
        lines.push(`${postcode} ${city}`);
        break;
      case "city pc":
        lines.push(`${city} ${postcode}`);
        break;
      case "city\npc":
        lines.push(city, postcode);
        break;
    }
    if (random.chance(0.35)) lines.push(countryNames.get(country)!);
    const value = lines.join("\n");
    const roll = random.next();
    const rawValue =
      roll < 0.55
        ? value
        : roll < 0.85
          ? lines.join(",\n")
          : roll < 0.95
            ? lines.map((line) => `${line} `).join("\r\n")
            : lines.join(" -\n");
    return { value, rawValue };
  }

  function next(): DemoOrganisation {
    const row = index++;
    const language = languageWeights.pick(random);
    const kind = kinds.pick(random);
    const countries = [firstCountry.get(language.code)!.pick(random)];
    const countryCount = Math.min(countryCountWeights.pick(random), otherCountries.size);
    while (countries.length < countryCount) {
      const code = otherCountries.pick(random);
      if (!countries.includes(code)) countries.push(code);
    }
    const home = place(countries[0], language.code);
    const city = random.pick(home.cities);

    // Name: a template for the kind, and now and then the city after it.
    // Names without a placeholder are national bodies, of which there is one: drawn less often.
    let template = random.pick(language.names[kind]);
    if (!template.includes("{")) template = random.pick(language.names[kind]);
    const person = `${random.pick(language.people[0])} ${random.pick(language.people[1])}`;
    const slogan = random.chance(0.35) ? brandName() : random.pick(language.slogans);
    const core = fill(template, { T: random.pick(language.topics), S: slogan, P: person, city });
    const official = kind === "government_body" || kind === "security_service";
    const withCity = !official && !template.includes("{city}") && random.chance(0.5);
    let name = capitalise(withCity ? core + fill(language.citySuffix, { city }) : core);
    if (language.code === "fr") name = elide(name);
    if (!official && language.legalForms.length && random.chance(0.12)) {
      const form = random.pick(language.legalForms);
      if (!name.endsWith(form)) name = `${name} ${form}`;
    }
    const acronym = random.chance(acronymChance[kind]) ? acronymOf(core.replace(city, "")) : null;

    const website = random.chance(kind === "other" ? 0.7 : 0.87)
      ? domainFor(core, acronym, kind, countries[0], city)
      : null;
    const scheme = random.chance(0.06) ? "http://" : "https://";
    const www = random.chance(0.75) ? "www." : "";
    const websiteUrl = website ? `${scheme}${www}${website}${random.chance(0.08) ? "/" : random.chance(0.06) ? `/${language.code}/` : ""}` : null;

    // Spread over the past eight years, in row order (like rows inserted as they were created).
    const createdMs = Math.floor(start + (span * (row + random.next())) / options.count);
    const updatedMs = random.chance(0.4) ? createdMs : Math.floor(createdMs + (now - createdMs) * random.next() ** 2);
    const verifiedMs = random.chance(0.35) ? Math.floor(updatedMs + (now - updatedMs) * random.next()) : null;
    const status = random.chance(0.1) ? "archived" : "published";

    const contacts: DemoContact[] = [];
    const contactCount = contactCountWeights.pick(random);
    const values = new Set<string>();
    for (let attempt = 0; contacts.length < contactCount && attempt < contactCount + 3; attempt++) {
      const type = contactTypeWeights.pick(random);
      let contact: { value: string; rawValue: string };
      switch (type) {
        case "email":
          contact = email(language, website, countries[0], core);
          break;
        case "phone":
          contact = phone(countries, random.chance(0.4) ? "mobile" : "fixed");
          break;
        case "fax":
          contact = phone(countries, "fixed");
          break;
        case "address":
          contact = address(countries[0], language.code, name, city);
          break;
        case "contact_form": {
          const base = websiteUrl?.replace(/\/[a-z]{2}\/$|\/$/, "") ?? `https://www.${domainFor(core, acronym, kind, countries[0], city)}`;
          const value = base + random.pick(language.contactPaths);
          contact = { value, rawValue: value.startsWith("https://") && random.chance(0.3) ? value.slice(8) : value };
          break;
        }
      }
      if (values.has(contact.value)) continue; // the same e-mail or number twice: draw another
      values.add(contact.value);
      const label = random.chance(0.45) ? random.pick(language.labels[type]) : null;
      contacts.push({ id: uuid7(createdMs, ids), position: contacts.length, type, label, ...contact });
    }

    return {
      id: uuid7(createdMs, ids),
      slug: `${slugFor(name)}-${(options.slugOffset ?? 0) + row + 1}`,
      name,
      acronym,
      kind,
      description: description(language, name, city),
      website: websiteUrl,
      status,
      createdAt: new Date(createdMs),
      updatedAt: new Date(updatedMs),
      lastVerifiedAt: verifiedMs === null ? null : new Date(verifiedMs),
      countries,
      contacts,
    };
  }

  return { next };
}
