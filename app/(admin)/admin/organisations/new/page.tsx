import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrganisationForm } from "@/components/organisation-form/organisation-form";
import { formCountries, formTexts } from "@/components/organisation-form/form-texts";
import { defaultLocale } from "@/lib/i18n/locales";
import { formValues } from "@/components/organisation-form/form-values";
import { currentSession, requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Organisations" });
  return { title: t("newOrganisation"), robots: { index: false } };
}

export default async function NewOrganisationPage() {
  const session = await requireUser();
  const locale = session.user.language ?? defaultLocale;
  const [t, countries, texts] = await Promise.all([getTranslations({ locale, namespace: "Organisations" }), formCountries(locale), formTexts(locale)]);
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("newOrganisation")}</h1>
      <p className="mt-2 text-slate-700">{t("newIntro")}</p>
      <OrganisationForm values={formValues(null)} countries={countries} texts={texts} />
    </>
  );
}
