import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { adopt } from "@/lib/actions/reviews";
import type { Locale } from "@/lib/i18n/locales";

/** Takes a public suggestion over as the reviewer's own draft. */
export async function AdoptButton({ changeSetId, locale }: { changeSetId: string; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "Reviews" });
  return (
    <ActionForm action={adopt} fields={{ changeSetId }} submit={t("adopt")} pending={t("adopting")} className="mt-4 space-y-2">
      <p className="text-sm text-slate-700">{t("adoptIntro")}</p>
    </ActionForm>
  );
}
