import { getTranslations } from "next-intl/server";
import { diffDocuments, type Change, type ContactDocument, type OrganisationDocument } from "@/lib/change-sets/document";
import { changeLabels } from "@/lib/i18n/change-labels";
import { countryNameIn, defaultLocale, type Locale } from "@/lib/i18n/locales";
import { ContactType, OrganisationKind } from "@/lib/generated/prisma/enums";

/** What a change set proposes, field by field: before and after; countries by name (`countries`: names by code, for codes the language has no name for). */
export async function ChangeSummary({
  base,
  proposed,
  countries,
  locale = defaultLocale,
}: {
  base: OrganisationDocument | null;
  proposed: OrganisationDocument;
  countries: ReadonlyMap<string, string>;
  locale?: Locale;
}) {
  const [t, kinds, types, labels] = await Promise.all([
    getTranslations({ locale, namespace: "Changes" }),
    getTranslations({ locale, namespace: "Kinds" }),
    getTranslations({ locale, namespace: "ContactTypes" }),
    changeLabels(locale),
  ]);
  const show = (value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("empty");
    if (Array.isArray(value)) return value.join(", ");
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (typeof value === "string" && Object.hasOwn(OrganisationKind, value)) return kinds(value as OrganisationKind);
    return String(value);
  };
  const countryList = (value: unknown) =>
    Array.isArray(value) && value.length ? (value as string[]).map((code) => countryNameIn(locale, code, countries.get(code) ?? code)).join(", ") : show(value);
  const contactText = (contact: ContactDocument | null) => {
    if (!contact) return "—";
    const type = Object.hasOwn(ContactType, contact.type) ? types(contact.type) : contact.type;
    return contact.label ? t("contactWithLabel", { type, label: contact.label, value: contact.rawValue }) : t("contact", { type, value: contact.rawValue });
  };
  const describe = (change: Change) => {
    if (change.type === "field" && change.field === "countries") return { what: labels.field("countries"), from: countryList(change.base), to: countryList(change.proposed) };
    if (change.type === "field") return { what: labels.field(change.field), from: show(change.base), to: show(change.proposed) };
    if (change.type === "order") return { what: t("order"), from: t("asPublished"), to: t("newOrder") };
    if (change.type === "translation") return { what: labels.translation(change.language, change.part), from: change.base ?? "—", to: change.proposed ?? "—" };
    return { what: t("contactChange", { change: change.change }), from: contactText(change.base), to: contactText(change.proposed) };
  };

  const changes = diffDocuments(base, proposed);
  if (changes.length === 0) return <p className="text-slate-700">{t("noChanges")}</p>;
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">{t("caption")}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-2 pr-4">{t("what")}</th>
          {base ? <th scope="col" className="py-2 pr-4">{t("before")}</th> : null}
          <th scope="col" className="py-2">{base ? t("proposed") : t("value")}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => {
          const { what, from, to } = describe(change);
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
