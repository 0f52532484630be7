import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { signInErrorMessage } from "@/lib/auth/errors";
import { currentSession } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/redirect";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await currentSession()) redirect(returnTo);
  const passwordSet = params.passwordSet === "1";
  const email = typeof params.email === "string" ? params.email.slice(0, 320) : undefined;
  // Where next-auth sends a sign-in that failed without JavaScript: "CredentialsSignin", "throttled:14".
  const error = typeof params.error === "string" && params.error ? signInErrorMessage(params.error) : undefined;
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Sign in</h1>
      {passwordSet ? (
        <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
          Your password is set. Sign in with it now.
        </p>
      ) : (
        <p className="mt-2 text-slate-700">For the directory&apos;s editors and reviewers.</p>
      )}
      <LoginForm returnTo={returnTo} email={email} error={error} />
    </>
  );
}
