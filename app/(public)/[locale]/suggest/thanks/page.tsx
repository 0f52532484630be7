import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { localePath, type Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Suggest" });
  return { title: t("thanksMetaTitle"), robots: { index: false } };
}

export default async function ThanksPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Suggest");
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("thanksTitle")}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">{t("thanksText")}</p>
      <p className="mt-6">
        <Link href={localePath(locale, "/")} className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
    </>
  );
}
