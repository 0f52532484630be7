import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { Toast } from "@/components/ui/toast";
import { signInCsrfToken } from "@/lib/auth/csrf";
import { signInErrorMessage } from "@/lib/auth/errors";
import { currentSession } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/redirect";
import { appUrl } from "@/lib/env";
import { negotiateLocale } from "@/lib/i18n/locales";

// Before anyone is signed in: in the language the browser asks for (see the layout).
const requestLocale = async () => negotiateLocale((await headers()).get("accept-language"));

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await requestLocale(), namespace: "Auth" });
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * next-auth sends the visitor back here with its callbackUrl made absolute ("http://host/admin"):
 * whether this visit came from next-auth, and the path to return to.
 */
function returnPathOf(callbackUrl: string | string[] | undefined) {
  const origin = new URL(appUrl()).origin;
  const viaNextAuth = typeof callbackUrl === "string" && /^https?:\/\//i.test(callbackUrl);
  const own = viaNextAuth && callbackUrl.startsWith(`${origin}/`);
  return { viaNextAuth, returnTo: safeReturnPath(own ? callbackUrl.slice(origin.length) : callbackUrl) };
}

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const { viaNextAuth, returnTo } = returnPathOf(params.callbackUrl);
  if (await currentSession()) redirect(returnTo);
  const locale = await requestLocale();
  const t = await getTranslations({ locale, namespace: "Auth" });
  const passwordSet = params.passwordSet === "1";
  const email = typeof params.email === "string" ? params.email.slice(0, 320) : undefined;
  // Where next-auth sends a sign-in that failed without JavaScript: "CredentialsSignin", "throttled:14".
  const error = typeof params.error === "string" && params.error ? await signInErrorMessage(params.error, locale) : undefined;
  // Without JavaScript the form posts to next-auth itself, with the token of next-auth's CSRF
  // cookie. A first visit has none: the browser goes once through next-auth's sign-in address,
  // which sets the cookie and sends it back here (with its callbackUrl made absolute, so it goes
  // only once, even when cookies are refused). Scripts ignore <noscript>.
  const csrfToken = await signInCsrfToken();
  const fetchToken = `/api/auth/signin?${new URLSearchParams({ callbackUrl: returnTo })}`;
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      {passwordSet ? null : <p className="mt-2 text-slate-700">{t("intro")}</p>}
      <Toast message={passwordSet ? t("passwordSet") : undefined} className="mt-4" />
      {csrfToken ? null : !viaNextAuth ? (
        <noscript>
          <meta httpEquiv="refresh" content={`0; url=${fetchToken}`} />
          <p className="mt-4 text-slate-700">
            {t.rich("noScriptPreparing", {
              link: (chunks) => (
                <a href={fetchToken} className="text-brand-700 underline">
                  {chunks}
                </a>
              ),
            })}
          </p>
        </noscript>
      ) : (
        <noscript>
          <p className="mt-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800">
            {t.rich("noScriptCookie", {
              link: (chunks) => (
                <a href={fetchToken} className="underline">
                  {chunks}
                </a>
              ),
            })}
          </p>
        </noscript>
      )}
      <LoginForm
        returnTo={returnTo}
        email={email}
        error={error}
        language={locale}
        csrfToken={csrfToken ?? ""}
        texts={{ email: t("email"), password: t("password"), submit: t("submit"), pending: t("signingIn"), failed: t("signInFailed") }}
      />
    </>
  );
}
