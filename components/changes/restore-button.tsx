import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { restoreRevision } from "@/lib/actions/organisations";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";

export async function RestoreButton({ organisationId, revisionNumber, name, locale = defaultLocale }: { organisationId: string; revisionNumber: number; name: string; locale?: Locale }) {
  const [t, admin] = await Promise.all([getTranslations({ locale, namespace: "Changes" }), getTranslations({ locale, namespace: "Admin" })]);
  // The number as it is ("revision 1200", not "1,200").
  const number = String(revisionNumber);
  return (
    <ActionForm
      action={restoreRevision}
      fields={{ organisationId, revisionNumber }}
      submit={
        <>
          {t("restore")}
          <span className="sr-only"> ({revisionNumber})</span>
        </>
      }
      pending={t("proposing")}
      confirmation={{
        title: t("restoreTitle", { name, number }),
        description: t("restoreDescription"),
        confirm: t("restoreConfirm", { number }),
        cancel: admin("cancel"),
        variant: "primary",
      }}
    />
  );
}
