import type { Metadata } from "next";
import { OrganisationForm } from "@/components/organisation-form/organisation-form";
import { formTexts } from "@/components/organisation-form/form-texts";
import { formValues } from "@/components/organisation-form/form-values";
import { requireUser } from "@/lib/auth/session";
import { listCountries } from "@/lib/data/countries";

export const metadata: Metadata = { title: "New organisation", robots: { index: false } };

export default async function NewOrganisationPage() {
  await requireUser();
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">New organisation</h1>
      <p className="mt-2 text-slate-700">It is listed once a reviewer approves it.</p>
      <OrganisationForm values={formValues(null)} countries={await listCountries()} texts={await formTexts("en")} />
    </>
  );
}
