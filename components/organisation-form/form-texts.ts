import "server-only";
import { getTranslations } from "next-intl/server";
import { ContactType, OrganisationKind } from "@/lib/generated/prisma/enums";
import { listCountries } from "@/lib/data/countries";
import { compareIn, countryNameIn, languageNameIn, locales, type Locale } from "@/lib/i18n/locales";

/** The form's texts that take no argument, as messages/en.json's "Form" names them. */
const plainTexts = [
  "name",
  "acronym",
  "kind",
  "choose",
  "website",
  "websiteHint",
  "description",
  "descriptionHint",
  "slug",
  "slugHint",
  "reviewerNote",
  "suggestionNote",
  "aboutYou",
  "yourName",
  "yourEmail",
  "honeypot",
  "send",
  "sendConfirmed",
  "sending",
  "sendFailed",
  "offline",
  "preview",
  "moveUp",
  "moveDown",
  "remove",
  "contacts",
  "noContacts",
  "addContact",
  "countries",
  "countriesHint",
  "noCountries",
  "addCountry",
  "add",
  "saveDraft",
  "submitForReview",
  "submitAnyway",
  "saving",
  "autosaving",
  "notSavedFields",
  "notSavedSignedOut",
  "notSavedConnection",
  "changedElsewhere",
  "languages",
  "originalLanguage",
  "translationsHint",
  "translated",
  "notTranslated",
  "original",
  "similar",
  "similarName",
  "similarNewTab",
] as const;

/**
 * The organisation form's texts in one language, formatted here on the server and handed to the
 * client component as plain strings: a public page's scripts then carry no message formatter
 * (use-intl's client would add 12 KB gzipped to the suggestion form). A text that depends on what
 * the form holds is a template whose `{name}` the form fills in (`fill`, lib/i18n/template.ts).
 */
export async function formTexts(locale: Locale) {
  const [t, kinds, types] = await Promise.all([
    getTranslations({ locale, namespace: "Form" }),
    getTranslations({ locale, namespace: "Kinds" }),
    getTranslations({ locale, namespace: "ContactTypes" }),
  ]);
  const plain = Object.fromEntries(plainTexts.map((key) => [key, t(key)])) as Record<(typeof plainTexts)[number], string>;
  const template = <Name extends string>(...names: Name[]) => Object.fromEntries(names.map((name) => [name, `{${name}}`])) as Record<Name, string>;
  return {
    locale,
    ...plain,
    descriptionLength: t("descriptionLength", template("length", "limit")),
    savedAs: t("savedAs", template("value")),
    moveUpItem: t("moveUpItem", template("item")),
    moveDownItem: t("moveDownItem", template("item")),
    removeItem: t("removeItem", template("item")),
    contact: t("contact", template("number")),
    contactKind: t("contactKind", template("number")),
    contactLabel: t("contactLabel", template("number")),
    contactValue: Object.fromEntries(Object.values(ContactType).map((type) => [type, t("contactValue", { ...template("number"), type })])) as Record<ContactType, string>,
    contactMoved: t("contactMoved", template("position", "total")),
    contactRemoved: t("contactRemoved", template("number")),
    contactAdded: t("contactAdded", template("number")),
    autosaved: t("autosaved", template("time")),
    notSavedBecause: t("notSavedBecause", template("reason")),
    savedInOtherTab: t("savedInOtherTab", template("time")),
    nameIn: t("nameIn", template("language")),
    descriptionIn: t("descriptionIn", template("language")),
    /** Each language's name in the reader's (the translations' headings). */
    languageNames: Object.fromEntries(locales.map((code) => [code, languageNameIn(locale, code)])) as Record<Locale, string>,
    similarEmail: t("similarEmail", template("shared")),
    similarPhone: t("similarPhone", template("shared")),
    similarDomain: t("similarDomain", template("shared")),
    kinds: Object.fromEntries(Object.values(OrganisationKind).map((kind) => [kind, kinds(kind)])) as Record<OrganisationKind, string>,
    contactTypes: Object.fromEntries(Object.values(ContactType).map((type) => [type, types(type)])) as Record<ContactType, string>,
  };
}

export type FormTexts = Awaited<ReturnType<typeof formTexts>>;

/** The countries the form offers, named and sorted in the reader's language. */
export async function formCountries(locale: Locale): Promise<{ code: string; name: string }[]> {
  return (await listCountries()).map(({ code, name }) => ({ code, name: countryNameIn(locale, code, name) })).sort((a, b) => compareIn(locale)(a.name, b.name));
}
