import "server-only";
import { getTranslations } from "next-intl/server";
import { ContactType, OrganisationKind } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The organisation form's texts in one language, formatted here on the server and handed to the
 * client component as plain strings: a public page's scripts then carry no message formatter
 * (use-intl's client would add 12 KB gzipped to the suggestion form). A text that depends on what
 * the form holds is a template whose `{name}` the form fills in (`fill`, form-template.ts).
 */
export async function formTexts(locale: Locale) {
  const [t, kinds, types] = await Promise.all([
    getTranslations({ locale, namespace: "Form" }),
    getTranslations({ locale, namespace: "Kinds" }),
    getTranslations({ locale, namespace: "ContactTypes" }),
  ]);
  const template = <Name extends string>(...names: Name[]) => Object.fromEntries(names.map((name) => [name, `{${name}}`])) as Record<Name, string>;
  return {
    locale,
    name: t("name"),
    acronym: t("acronym"),
    kind: t("kind"),
    choose: t("choose"),
    website: t("website"),
    websiteHint: t("websiteHint"),
    description: t("description"),
    descriptionHint: t("descriptionHint"),
    descriptionLength: t("descriptionLength", template("length", "limit")),
    savedAs: t("savedAs", template("value")),
    slug: t("slug"),
    slugHint: t("slugHint"),
    reviewerNote: t("reviewerNote"),
    suggestionNote: t("suggestionNote"),
    aboutYou: t("aboutYou"),
    yourName: t("yourName"),
    yourEmail: t("yourEmail"),
    honeypot: t("honeypot"),
    send: t("send"),
    sendConfirmed: t("sendConfirmed"),
    sending: t("sending"),
    sendFailed: t("sendFailed"),
    offline: t("offline"),
    preview: t("preview"),
    moveUp: t("moveUp"),
    moveDown: t("moveDown"),
    remove: t("remove"),
    moveUpItem: t("moveUpItem", template("item")),
    moveDownItem: t("moveDownItem", template("item")),
    removeItem: t("removeItem", template("item")),
    contacts: t("contacts"),
    noContacts: t("noContacts"),
    contact: t("contact", template("number")),
    contactKind: t("contactKind", template("number")),
    contactLabel: t("contactLabel", template("number")),
    contactValue: Object.fromEntries(Object.values(ContactType).map((type) => [type, t("contactValue", { ...template("number"), type })])) as Record<ContactType, string>,
    contactMoved: t("contactMoved", template("position", "total")),
    contactRemoved: t("contactRemoved", template("number")),
    contactAdded: t("contactAdded", template("number")),
    addContact: t("addContact"),
    countries: t("countries"),
    countriesHint: t("countriesHint"),
    noCountries: t("noCountries"),
    addCountry: t("addCountry"),
    add: t("add"),
    kinds: Object.fromEntries(Object.values(OrganisationKind).map((kind) => [kind, kinds(kind)])) as Record<OrganisationKind, string>,
    contactTypes: Object.fromEntries(Object.values(ContactType).map((type) => [type, types(type)])) as Record<ContactType, string>,
  };
}

export type FormTexts = Awaited<ReturnType<typeof formTexts>>;
