import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentSession, requireUser } from "@/lib/auth/session";
import { defaultLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Dashboard" });
  return { title: t("signedInAgainTitle"), robots: { index: false } };
}

// Where "Sign in again" from a form whose session ended lands, in its own tab.
export default async function SignedInPage() {
  const { user } = await requireUser("/admin/signed-in");
  const t = await getTranslations({ locale: user.language ?? defaultLocale, namespace: "Dashboard" });
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("signedInAgain", { name: user.name })}</h1>
      <p className="mt-2 text-slate-700">{t("signedInAgainHint")}</p>
    </>
  );
}
