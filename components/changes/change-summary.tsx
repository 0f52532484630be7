import { getTranslations } from "next-intl/server";
import { diffDocuments, parseTranslationKey, type Change, type ContactDocument, type DocumentField, type OrganisationDocument, type TranslationPart } from "@/lib/change-sets/document";
import { countryNameIn, defaultLocale, languageNameIn, type Locale } from "@/lib/i18n/locales";
import { ContactType, OrganisationKind } from "@/lib/generated/prisma/enums";

/**
 * What staff read of a change, in their language (messages' "Changes"): a field's name, a
 * translation's ("Description in French"), and what a change's key is about ("Contacts" for any of
 * them), as lib/change-sets/document.ts and lib/data name them in English.
 */
export async function changeLabels(locale: Locale) {
  const t = await getTranslations({ locale, namespace: "Changes" });
  const field = (name: DocumentField) => t("field", { field: name });
  const translation = (language: string, part: TranslationPart) => t("translation", { part, language: languageNameIn(locale, language) });
  /** A change's key ("website", "contact:…", "translation:fr:name") in words, as a pending change lists it. */
  const ofKey = (key: string) => {
    if (key.startsWith("contact:") || key === "contacts:order") return t("contacts");
    const parsed = key.startsWith("translation:") ? parseTranslationKey(key.slice("translation:".length)) : null;
    return parsed ? translation(parsed.language, parsed.part) : field(key as DocumentField);
  };
  return { field, translation, ofKey };
}

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
