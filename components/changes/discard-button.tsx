import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { discardChange } from "@/lib/actions/organisations";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";

/** Deletes the author's draft, after a confirmation that names it. */
export async function DiscardButton({ changeSetId, name, created, locale = defaultLocale }: { changeSetId: string; name: string; created: boolean; locale?: Locale }) {
  const [t, admin] = await Promise.all([getTranslations({ locale, namespace: "Changes" }), getTranslations({ locale, namespace: "Admin" })]);
  return (
    <ActionForm
      action={discardChange}
      fields={{ changeSetId }}
      submit={t("discard")}
      pending={t("discarding")}
      variant="danger"
      confirmation={{
        title: t("discardTitle", { name }),
        description: created ? t("discardDescriptionNew") : t("discardDescription"),
        confirm: t("discardConfirm", { name }),
        cancel: admin("cancel"),
      }}
    />
  );
}
