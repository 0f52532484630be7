import { diffDocuments, fieldLabels, translationLabel, type Change, type ContactDocument, type OrganisationDocument } from "@/lib/change-sets/document";
import { countryList } from "@/components/reviews/change-value";
import { contactTypeLabels, organisationKindLabels } from "@/lib/validation/labels";

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" && value in organisationKindLabels) return organisationKindLabels[value as keyof typeof organisationKindLabels];
  return String(value);
};
const contactText = (contact: ContactDocument | null) => (contact ? `${contactTypeLabels[contact.type]}${contact.label ? ` (${contact.label})` : ""}: ${contact.rawValue}` : "");

function describe(change: Change, countries: ReadonlyMap<string, string>) {
  if (change.type === "field" && change.field === "countries") {
    const names = (value: unknown) => (Array.isArray(value) && value.length ? countryList(value as string[], countries) : show(value));
    return { what: fieldLabels.countries, from: names(change.base), to: names(change.proposed) };
  }
  if (change.type === "field") return { what: fieldLabels[change.field], from: show(change.base), to: show(change.proposed) };
  if (change.type === "order") return { what: "Order of the contacts", from: "as published", to: "new order" };
  if (change.type === "translation") return { what: translationLabel(change.language, change.part), from: change.base ?? "—", to: change.proposed ?? "—" };
  const verb = { added: "New contact", changed: "Changed contact", removed: "Removed contact" }[change.change];
  return { what: verb, from: contactText(change.base) || "—", to: contactText(change.proposed) || "—" };
}

/** What a change set proposes, field by field: before and after; countries by name (`countries`: names by code). */
export function ChangeSummary({ base, proposed, countries }: { base: OrganisationDocument | null; proposed: OrganisationDocument; countries: ReadonlyMap<string, string> }) {
  const changes = diffDocuments(base, proposed);
  if (changes.length === 0) return <p className="text-slate-700">No changes yet.</p>;
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">Proposed changes</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-2 pr-4">What</th>
          {base ? <th scope="col" className="py-2 pr-4">Before</th> : null}
          <th scope="col" className="py-2">{base ? "Proposed" : "Value"}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => {
          const { what, from, to } = describe(change, countries);
          return (
            <tr key={change.key} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-4 font-medium">{what}</th>
              {base ? <td className="py-2 pr-4 whitespace-pre-line text-slate-700">{from}</td> : null}
              <td className="py-2 whitespace-pre-line">{to}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
