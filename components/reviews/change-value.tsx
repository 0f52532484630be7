import type { Change, ContactDocument } from "@/lib/change-sets/document";
import { languageNameIn } from "@/lib/i18n/locales";
import { contactTypeLabels, organisationKindLabels } from "@/lib/validation/labels";

const empty = <span className="text-slate-500">(empty)</span>;

export function contactText(contact: ContactDocument | null | undefined) {
  if (!contact) return empty;
  return (
    <span className="whitespace-pre-line">
      {contactTypeLabels[contact.type]}
      {contact.label ? ` (${contact.label})` : ""}: {contact.value}
      {contact.rawValue !== contact.value ? <span className="text-slate-600"> (typed “{contact.rawValue}”)</span> : null}
    </span>
  );
}

/** A list of country codes as their names ("Belgium, Netherlands"); an unknown code stays as it is. */
export function countryList(codes: readonly string[], countries: ReadonlyMap<string, string>): string {
  return codes.map((code) => countries.get(code) ?? code).join(", ");
}

/**
 * One side of a change, readable: a field's value, a contact, or an order of contacts. `names`:
 * the contacts by id (for an order); `countries`: country names by code.
 */
export function ChangeValue({ change, side, names, countries }: { change: Change; side: unknown; names?: Map<string, ContactDocument>; countries?: ReadonlyMap<string, string> }) {
  if (change.type === "contact") return contactText(side as ContactDocument | null);
  if (change.type === "order") {
    const ids = side as string[];
    return (
      <ol className="list-decimal pl-5">
        {ids.map((id) => (
          <li key={id}>{contactText(names?.get(id))}</li>
        ))}
      </ol>
    );
  }
  if (side === null || side === undefined || side === "") return empty;
  if (change.type === "translation") return <span className="whitespace-pre-line break-words" lang={change.language}>{String(side)}</span>;
  if (change.field === "originalLanguage") return <>{languageNameIn("en", String(side))}</>;
  if (change.field === "kind") return <>{organisationKindLabels[side as keyof typeof organisationKindLabels]}</>;
  if (change.field === "archived") return <>{side ? "Archived" : "Listed"}</>;
  if (change.field === "countries" && Array.isArray(side)) return <>{countryList(side as string[], countries ?? new Map())}</>;
  if (Array.isArray(side)) return <>{side.join(", ")}</>;
  return <span className="whitespace-pre-line break-words">{String(side)}</span>;
}
