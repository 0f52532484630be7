import { OrganisationForm } from "@/components/organisation-form/organisation-form";
import { formValues } from "@/components/organisation-form/form-values";
import type { OrganisationDocument } from "@/lib/change-sets/document";
import { listCountries } from "@/lib/data/countries";
import { serverEnv } from "@/lib/env";
import { defaultLocale, localePath, type Locale } from "@/lib/i18n/locales";
import { issueFormToken } from "@/lib/security/form-token";
import { appKey } from "@/lib/security/keys";

/** The public suggestion form, for a correction (with the organisation) or a new organisation. */
export async function SuggestionForm({
  organisation,
  confirmation,
  locale = defaultLocale,
}: {
  organisation?: { id: string; document: OrganisationDocument };
  confirmation?: string;
  locale?: Locale;
}) {
  const env = serverEnv();
  return (
    <OrganisationForm
      values={formValues(organisation?.document ?? null)}
      countries={await listCountries()}
      organisationId={organisation?.id}
      suggestion={{ issued: issueFormToken(appKey("form-stamp")), retentionDays: env.SUGGESTION_RETENTION_DAYS, confirmation, thanksPath: localePath(locale, "/suggest/thanks") }}
    />
  );
}
