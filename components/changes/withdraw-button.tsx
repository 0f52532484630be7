import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { withdrawChange } from "@/lib/actions/organisations";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";

export async function WithdrawButton({ changeSetId, name, locale = defaultLocale }: { changeSetId: string; name: string; locale?: Locale }) {
  const [t, admin] = await Promise.all([getTranslations({ locale, namespace: "Changes" }), getTranslations({ locale, namespace: "Admin" })]);
  return (
    <ActionForm
      action={withdrawChange}
      fields={{ changeSetId }}
      submit={t("withdraw")}
      pending={t("withdrawing")}
      confirmation={{
        title: t("withdrawTitle", { name }),
        description: t("withdrawDescription"),
        confirm: t("withdrawConfirm", { name }),
        cancel: admin("cancel"),
        variant: "primary",
      }}
      className="space-y-2"
    />
  );
}
