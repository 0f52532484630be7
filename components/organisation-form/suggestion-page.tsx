import { getTranslations } from "next-intl/server";
import { OrganisationForm } from "@/components/organisation-form/organisation-form";
import { formCountries, formTexts } from "@/components/organisation-form/form-texts";
import { formValues } from "@/components/organisation-form/form-values";
import type { OrganisationDocument } from "@/lib/change-sets/document";
import { serverEnv } from "@/lib/env";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { issueFormToken } from "@/lib/security/form-token";
import { appKey } from "@/lib/security/keys";

/** The public suggestion form, for a correction (with the organisation) or a new organisation, in the page's language. */
export async function SuggestionForm({
  organisation,
  confirmation,
  locale,
}: {
  organisation?: { id: string; document: OrganisationDocument };
  confirmation?: string;
  locale: Locale;
}) {
  const env = serverEnv();
  const t = await getTranslations({ locale, namespace: "Form" });
  return (
    <OrganisationForm
      values={formValues(organisation?.document ?? null)}
      countries={await formCountries(locale)}
      texts={await formTexts(locale)}
      organisationId={organisation?.id}
      suggestion={{
        issued: issueFormToken(appKey("form-stamp")),
        privacy: t("privacy", { days: env.SUGGESTION_RETENTION_DAYS }),
        confirmation,
        thanksPath: localePath(locale, "/suggest/thanks"),
        language: locale,
      }}
    />
  );
}
