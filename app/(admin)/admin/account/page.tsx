import type { Metadata } from "next";
import { NotificationSettingsForm } from "@/components/account/notification-settings-form";
import { requireRole } from "@/lib/auth/session";
import { digestRoles, getAccount } from "@/lib/data/users";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage() {
  const session = await requireRole(["ADMIN", "EDITOR", "REVIEWER"], "/admin/account");
  const account = await getAccount(session.user);
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Your account</h1>
      <p className="mt-2 text-slate-700">Who you are signed in as, and the mail you want from the directory.</p>
      <dl className="mt-4 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-slate-800">
        <dt className="font-medium">Name</dt>
        <dd>{account.name}</dd>
        <dt className="font-medium">E-mail address</dt>
        <dd>{account.email}</dd>
        <dt className="font-medium">Role</dt>
        <dd>{account.role.toLowerCase()}</dd>
      </dl>
      <NotificationSettingsForm
        canReview={digestRoles.includes(account.role)}
        notifyReviewDigest={account.notifyReviewDigest}
        notifyDecisions={account.notifyDecisions}
      />
    </>
  );
}
