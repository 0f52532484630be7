import type { Metadata } from "next";
import { OrganisationForm } from "@/components/organisation-form/organisation-form";
import { formCountries, formTexts } from "@/components/organisation-form/form-texts";
import { defaultLocale } from "@/lib/i18n/locales";
import { formValues } from "@/components/organisation-form/form-values";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New organisation", robots: { index: false } };

export default async function NewOrganisationPage() {
  const session = await requireUser();
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">New organisation</h1>
      <p className="mt-2 text-slate-700">It is listed once a reviewer approves it.</p>
      <OrganisationForm values={formValues(null)} countries={await formCountries(session.user.language ?? defaultLocale)} texts={await formTexts(session.user.language ?? defaultLocale)} />
    </>
  );
}
