import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Toast } from "@/components/ui/toast";
import { signInCsrfToken } from "@/lib/auth/csrf";
import { signInErrorMessage } from "@/lib/auth/errors";
import { currentSession } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/redirect";
import { appUrl } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

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
  const passwordSet = params.passwordSet === "1";
  const email = typeof params.email === "string" ? params.email.slice(0, 320) : undefined;
  // Where next-auth sends a sign-in that failed without JavaScript: "CredentialsSignin", "throttled:14".
  const error = typeof params.error === "string" && params.error ? signInErrorMessage(params.error) : undefined;
  // Without JavaScript the form posts to next-auth itself, with the token of next-auth's CSRF
  // cookie. A first visit has none: the browser goes once through next-auth's sign-in address,
  // which sets the cookie and sends it back here (with its callbackUrl made absolute, so it goes
  // only once, even when cookies are refused). Scripts ignore <noscript>.
  const csrfToken = await signInCsrfToken();
  const fetchToken = `/api/auth/signin?${new URLSearchParams({ callbackUrl: returnTo })}`;
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Sign in</h1>
      {passwordSet ? null : <p className="mt-2 text-slate-700">For the directory&apos;s editors and reviewers.</p>}
      <Toast message={passwordSet ? "Your password is set. Sign in with it now." : undefined} className="mt-4" />
      {csrfToken ? null : !viaNextAuth ? (
        <noscript>
          <meta httpEquiv="refresh" content={`0; url=${fetchToken}`} />
          <p className="mt-4 text-slate-700">
            Preparing the form for use without JavaScript. If this page stays,{" "}
            <a href={fetchToken} className="text-brand-700 underline">
              continue
            </a>
            .
          </p>
        </noscript>
      ) : (
        <noscript>
          <p className="mt-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800">
            Signing in needs a cookie from this site. Allow cookies for it, then{" "}
            <a href={fetchToken} className="underline">
              try again
            </a>
            .
          </p>
        </noscript>
      )}
      <LoginForm returnTo={returnTo} email={email} error={error} csrfToken={csrfToken ?? ""} />
    </>
  );
}
