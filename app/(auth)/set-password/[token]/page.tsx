import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { findPasswordToken } from "@/lib/data/users";
import { negotiateLocale } from "@/lib/i18n/locales";
import { minPasswordLength } from "@/lib/validation/password";

// Before anyone is signed in: in the language the browser asks for (see the layout).
const requestLocale = async () => negotiateLocale((await headers()).get("accept-language"));

// The token is in the address: it must not leak to other sites through the Referer header.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await requestLocale(), namespace: "Auth" });
  return { title: t("choosePasswordTitle"), robots: { index: false }, referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }> };

export default async function SetPasswordPage({ params }: Props) {
  const { token } = await params;
  const locale = await requestLocale();
  const t = await getTranslations({ locale, namespace: "Auth" });
  const owner = token.length <= 100 ? await findPasswordToken(token) : null;
  if (!owner) {
    return (
      <>
        <h1 className="text-2xl font-bold text-brand-900">{t("invalidLinkTitle")}</h1>
        {/* lib/data/users.ts's expiredLinkMessage, in the reader's language. */}
        <p className="mt-2 text-slate-700">{t("invalidLinkText")}</p>
        <p className="mt-6">
          <Link href="/login" className="text-brand-700 underline">
            {t("goToSignIn")}
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("choosePasswordTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("choosePasswordIntro", { name: owner.name, email: owner.email })}</p>
      <SetPasswordForm
        token={token}
        email={owner.email}
        language={locale}
        texts={{
          password: t("newPassword"),
          passwordHint: t("newPasswordHint", { count: minPasswordLength }),
          confirm: t("newPasswordAgain"),
          submit: t("setPassword"),
          pending: t("saving"),
        }}
      />
    </>
  );
}
