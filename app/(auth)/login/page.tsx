import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { currentSession } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/redirect";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await currentSession()) redirect(returnTo);
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Sign in</h1>
      <p className="mt-2 text-slate-700">For the directory&apos;s editors and reviewers.</p>
      <LoginForm returnTo={returnTo} />
    </>
  );
}
