import type { Metadata } from "next";
import { InviteUserForm } from "@/components/users/invite-user-form";
import { UserActions } from "@/components/users/user-actions";
import { requireRole } from "@/lib/auth/session";
import { listUsers } from "@/lib/data/users";

export const metadata: Metadata = { title: "Users", robots: { index: false } };

const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function UsersPage() {
  const session = await requireRole(["ADMIN"], "/admin/users");
  const users = await listUsers();
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Users</h1>
      <section aria-labelledby="new-user" className="mt-6 rounded-lg border border-slate-200 p-4">
        <h2 id="new-user" className="text-lg font-semibold">
          New account
        </h2>
        <p className="mb-4 text-sm text-slate-700">The person gets a one-time link to choose their own password.</p>
        <InviteUserForm />
      </section>
      <section aria-labelledby="accounts" className="mt-8">
        <h2 id="accounts" className="text-lg font-semibold">
          Accounts ({users.length})
        </h2>
        <ul className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
          {users.map((user) => (
            <li key={user.id} className="py-4">
              <div className="flex flex-wrap items-baseline gap-x-3">
                <span className="font-semibold">{user.name}</span>
                <span className="text-slate-700">{user.email}</span>
                <span className="rounded bg-slate-100 px-2 text-sm">{user.role.toLowerCase()}</span>
                {user.disabledAt ? <span className="rounded bg-red-100 px-2 text-sm text-red-900">disabled</span> : null}
                {user.hasPassword ? null : <span className="rounded bg-amber-100 px-2 text-sm text-amber-900">no password yet</span>}
                {user.id === session.user.id ? <span className="text-sm text-slate-600">(you)</span> : null}
              </div>
              <p className="text-sm text-slate-600">
                Last seen {user.lastSeenAt ? `${time.format(user.lastSeenAt)} UTC` : "never"} · account created {time.format(user.createdAt)} UTC
              </p>
              <div className="mt-2">
                <UserActions
                  user={{ id: user.id, name: user.name, email: user.email, role: user.role, disabled: Boolean(user.disabledAt) }}
                  self={user.id === session.user.id}
                />
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
