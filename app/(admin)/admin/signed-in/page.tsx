import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Signed in again", robots: { index: false } };

// Where "Sign in again" from a form whose session ended lands, in its own tab.
export default async function SignedInPage() {
  const { user } = await requireUser("/admin/signed-in");
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">You are signed in again, {user.name}</h1>
      <p className="mt-2 text-slate-700">Close this tab, go back to the tab with your form and save again: what you typed is still there.</p>
    </>
  );
}
