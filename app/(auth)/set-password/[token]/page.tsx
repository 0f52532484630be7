import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { expiredLinkMessage, findPasswordToken } from "@/lib/data/users";

// The token is in the address: it must not leak to other sites through the Referer header.
export const metadata: Metadata = { title: "Choose a password", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

export default async function SetPasswordPage({ params }: Props) {
  const { token } = await params;
  const owner = token.length <= 100 ? await findPasswordToken(token) : null;
  if (!owner) {
    return (
      <>
        <h1 className="text-2xl font-bold text-brand-900">This link does not work</h1>
        <p className="mt-2 text-slate-700">{expiredLinkMessage}</p>
        <p className="mt-6">
          <Link href="/login" className="text-brand-700 underline">
            Go to sign-in
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Choose a password</h1>
      <p className="mt-2 text-slate-700">
        For {owner.name} ({owner.email}). You will sign in with it afterwards.
      </p>
      <SetPasswordForm token={token} email={owner.email} />
    </>
  );
}
