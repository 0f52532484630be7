import type { Change, ContactDocument } from "@/lib/change-sets/document";
import type { ContactType, OrganisationKind } from "@/lib/generated/prisma/enums";
import { languageNameIn } from "@/lib/i18n/locales";
import { contactTypeLabels, organisationKindLabels } from "@/lib/validation/labels";

/** What a value says around the data, in the reader's language: the review page makes them from "Reviews". */
export type ValueTexts = {
  empty: string;
  archived: string;
  listed: string;
  /** "E-mail (press): press@example.org" */
  contact: (type: ContactType, label: string | null, value: string) => string;
  /** "(typed “…”)": what the author typed, when it was stored otherwise. */
  typed: (value: string) => string;
  kind: (kind: OrganisationKind) => string;
  /** A language's name, from its code. */
  language: (code: string) => string;
};

/** In English, for a caller without a reader (the unit test); messages/en.json's "Reviews" says the same. */
const english: ValueTexts = {
  empty: "(empty)",
  archived: "Archived",
  listed: "Listed",
  contact: (type, label, value) => `${contactTypeLabels[type]}${label ? ` (${label})` : ""}: ${value}`,
  typed: (value) => `(typed “${value}”)`,
  kind: (kind) => organisationKindLabels[kind],
  language: (code) => languageNameIn("en", code),
};

const empty = (texts: ValueTexts) => <span className="text-slate-500">{texts.empty}</span>;

export function contactText(contact: ContactDocument | null | undefined, texts: ValueTexts = english) {
  if (!contact) return empty(texts);
  return (
    <span className="whitespace-pre-line">
      {texts.contact(contact.type, contact.label, contact.value)}
      {contact.rawValue !== contact.value ? <span className="text-slate-600"> {texts.typed(contact.rawValue)}</span> : null}
    </span>
  );
}

/** A list of country codes as their names ("Belgium, Netherlands"); an unknown code stays as it is. */
export function countryList(codes: readonly string[], countries: ReadonlyMap<string, string>): string {
  return codes.map((code) => countries.get(code) ?? code).join(", ");
}

type Props = {
  change: Change;
  side: unknown;
  /** The contacts by id (for an order). */
  names?: Map<string, ContactDocument>;
  /** Country names by code. */
  countries?: ReadonlyMap<string, string>;
  texts?: ValueTexts;
};

/** One side of a change, readable: a field's value, a contact, or an order of contacts. */
export function ChangeValue({ change, side, names, countries, texts = english }: Props) {
  if (change.type === "contact") return contactText(side as ContactDocument | null, texts);
  if (change.type === "order") {
    const ids = side as string[];
    return (
      <ol className="list-decimal pl-5">
        {ids.map((id) => (
          <li key={id}>{contactText(names?.get(id), texts)}</li>
        ))}
      </ol>
    );
  }
  if (side === null || side === undefined || side === "") return empty(texts);
  if (change.type === "translation") return <span className="whitespace-pre-line break-words" lang={change.language}>{String(side)}</span>;
  if (change.field === "originalLanguage") return <>{texts.language(String(side))}</>;
  if (change.field === "kind") return <>{texts.kind(side as OrganisationKind)}</>;
  if (change.field === "archived") return <>{side ? texts.archived : texts.listed}</>;
  if (change.field === "countries" && Array.isArray(side)) return <>{countryList(side as string[], countries ?? new Map())}</>;
  if (Array.isArray(side)) return <>{side.join(", ")}</>;
  return <span className="whitespace-pre-line break-words">{String(side)}</span>;
}
