import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { liftSuppressionAction, requestConfirmationAction } from "@/lib/actions/confirmations";
import { proposeArchiving, verifyOrganisation } from "@/lib/actions/organisations";
import type { ConfirmationStatus } from "@/lib/data/confirmations";
import { formatDay, intlLocale, type Locale } from "@/lib/i18n/locales";
import type { VerificationSource } from "@/lib/verification";

type Props = {
  /** The staff member's language. */
  locale: Locale;
  organisationId: string;
  name: string;
  archived: boolean;
  /** The last verification: when, by whom and how, as far as it is known. */
  verified: { at: Date; by: string | null; source: VerificationSource | null } | null;
  /** The latest request to the organisation to confirm its listing. */
  asked: ConfirmationStatus | undefined;
};

/** Actions on the listing as a whole: mark it verified, ask the organisation to confirm it, propose archiving or restoring it. */
export async function ListingActions({ locale, organisationId, name, archived, verified, asked }: Props) {
  const [t, admin] = await Promise.all([getTranslations({ locale, namespace: "Organisations" }), getTranslations({ locale, namespace: "Admin" })]);
  const lastVerified = !verified
    ? t("neverVerified")
    : verified.by
      ? t("lastVerifiedBy", { date: formatDay(locale, verified.at), by: verified.by, source: verified.source ?? "none" })
      : t("lastVerified", { date: formatDay(locale, verified.at), source: verified.source ?? "none" });
  /** The latest request in a sentence or two (English days as the admin has always shown them: 3 Mar 2026). */
  const askedOn = asked ? new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone: "UTC" }).format(new Date(asked.askedAt)) : "";
  const askedSummary = !asked
    ? t("neverAsked")
    : [
        asked.state === "failed" && asked.failure
          ? t("askedFailed", { date: askedOn, email: asked.email, failure: asked.failure })
          : t("asked", { date: askedOn, email: asked.email, state: asked.state }),
        asked.suppressed ? t("askedSuppressed", { email: asked.email, reason: asked.suppressed }) : null,
      ]
        .filter(Boolean)
        .join(" ");
  // The listing's address no longer receives requests (it unsubscribed, or bounced).
  const suppressed = asked?.suppressed ? asked.email : null;
  return (
    <div className="mt-6 grid gap-4 rounded-lg border border-slate-200 p-4 sm:grid-cols-2">
      <ActionForm action={verifyOrganisation} fields={{ organisationId }} submit={t("markVerified")} pending={t("saving")} className="space-y-2">
        <h2 className="font-semibold">{t("verification")}</h2>
        <p className="text-sm text-slate-700">{lastVerified}</p>
      </ActionForm>
      {archived ? null : (
        <ActionForm action={requestConfirmationAction} fields={{ organisationId }} submit={t("askToConfirm")} pending={t("queueing")} className="space-y-2">
          <h2 className="font-semibold">{t("confirmationHeading")}</h2>
          <p className="text-sm text-slate-700">
            {askedSummary} {t("confirmationHint")}
          </p>
        </ActionForm>
      )}
      {suppressed ? (
        <ActionForm
          action={liftSuppressionAction}
          fields={{ email: suppressed }}
          submit={t("writeAgain", { email: suppressed })}
          pending={t("saving")}
          confirmation={{
            title: t("writeAgainTitle", { email: suppressed }),
            description: t("writeAgainDescription"),
            confirm: t("writeAgain", { email: suppressed }),
            cancel: admin("cancel"),
            variant: "primary",
          }}
          className="space-y-2"
        >
          <h2 className="font-semibold">{t("stoppedAddress")}</h2>
          <p className="text-sm text-slate-700">{t("stoppedHint", { email: suppressed })}</p>
        </ActionForm>
      ) : null}
      <ActionForm
        action={proposeArchiving}
        fields={{ organisationId, archive: archived ? "false" : "true" }}
        submit={archived ? t("proposeRestoring", { name }) : t("proposeArchiving", { name })}
        pending={t("sending")}
        variant={archived ? "secondary" : "danger"}
        confirmation={
          archived
            ? { title: t("restoreTitle", { name }), confirm: t("proposeRestoring", { name }), cancel: admin("cancel"), variant: "primary" }
            : {
                title: t("archiveTitle", { name }),
                description: t("archiveDescription"),
                confirm: t("proposeArchiving", { name }),
                cancel: admin("cancel"),
              }
        }
        className="space-y-2"
      >
        <h2 className="font-semibold">{archived ? t("restore") : t("archive")}</h2>
        <label htmlFor="archive-note" className="block text-sm font-medium">
          {t("why")}
        </label>
        <textarea id="archive-note" name="note" rows={2} className="w-full rounded-md border border-slate-400 px-3 py-2" />
      </ActionForm>
    </div>
  );
}
