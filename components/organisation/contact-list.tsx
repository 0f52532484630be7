import type { OrganisationDetail } from "@/lib/data/organisations";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { readablePhone } from "@/lib/validation/normalise";
import { ExternalLink } from "@/components/ui/external-link";

type Contact = OrganisationDetail["contacts"][number];

function ContactValue({ contact, locale }: { contact: Contact; locale: Locale }) {
  switch (contact.type) {
    case "EMAIL":
      return (
        <a href={`mailto:${contact.value}`} className="break-all text-brand-700 underline hover:no-underline">
          {contact.value}
        </a>
      );
    case "PHONE":
    case "FAX":
      return (
        <a href={`tel:${contact.value}`} className="text-brand-700 underline hover:no-underline">
          {readablePhone(contact.value)}
        </a>
      );
    case "ADDRESS":
      return <address className="whitespace-pre-line not-italic">{contact.value}</address>;
    case "CONTACT_FORM":
      return (
        <ExternalLink href={contact.value} locale={locale}>
          {contact.value}
        </ExternalLink>
      );
  }
}

export async function ContactList({ contacts, locale }: { contacts: Contact[]; locale: Locale }) {
  const [t, type] = await Promise.all([getTranslations({ locale, namespace: "Organisation" }), getTranslations({ locale, namespace: "ContactTypes" })]);
  if (contacts.length === 0) return <p className="text-slate-700">{t("noContacts")}</p>;
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
      {contacts.map((contact) => (
        <div key={contact.id} className="contents">
          <dt className="font-medium text-slate-700">
            {type(contact.type)}
            {contact.label ? <span className="block text-sm font-normal text-slate-600">{contact.label}</span> : null}
          </dt>
          <dd className="mb-2 sm:mb-0">
            <ContactValue contact={contact} locale={locale} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
