import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { unsubscribeAction } from "@/lib/actions/confirmations";
import type { Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Confirm" });
  return { title: t("unsubscribeMetaTitle"), robots: { index: false }, referrer: "no-referrer" };
}

// A page with a button, not an unsubscription on opening: mail scanners open every link.
export default async function UnsubscribePage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Confirm");
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("unsubscribeTitle")}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">{t("unsubscribeText")}</p>
      <ActionForm
        className="mt-6"
        action={unsubscribeAction}
        fields={{ token: token.slice(0, 200), pageLanguage: locale }}
        submit={t("unsubscribeSubmit")}
        pending={t("saving")}
        variant="primary"
      />
    </>
  );
}
