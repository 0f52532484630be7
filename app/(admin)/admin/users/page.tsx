import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InviteUserForm } from "@/components/users/invite-user-form";
import { roleOptions } from "@/components/users/roles";
import { UserActions } from "@/components/users/user-actions";
import { currentSession, requireRole } from "@/lib/auth/session";
import { listUsers } from "@/lib/data/users";
import { defaultLocale, intlLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Users" });
  return { title: t("title"), robots: { index: false } };
}

export default async function UsersPage() {
  const session = await requireRole(["ADMIN"], "/admin/users");
  const locale = session.user.language ?? defaultLocale;
  const [users, t, admin] = await Promise.all([listUsers(), getTranslations({ locale, namespace: "Users" }), getTranslations({ locale, namespace: "Admin" })]);
  // English times as the admin has always written them (3 Mar 2026, 14:05).
  const time = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const passwordLink = {
    label: t("passwordLinkFor", { email: "{email}" }),
    emailed: t("emailed"),
    notEmailed: t("notEmailed"),
    copy: t("copy"),
    copied: t("copied"),
  };
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <section aria-labelledby="new-user" className="mt-6 rounded-lg border border-slate-200 p-4">
        <h2 id="new-user" className="text-lg font-semibold">
          {t("newAccount")}
        </h2>
        <p className="mb-4 text-sm text-slate-700">{t("newAccountIntro")}</p>
        <InviteUserForm
          texts={{
            email: t("email"),
            name: t("name"),
            role: t("role"),
            roles: roleOptions.map(({ value }) => ({ value, label: t("roleOption", { role: value }) })),
            submit: t("createAccount"),
            pending: t("creatingAccount"),
            passwordLink,
          }}
        />
      </section>
      <section aria-labelledby="accounts" className="mt-8">
        <h2 id="accounts" className="text-lg font-semibold">
          {t("accounts", { count: users.length })}
        </h2>
        <ul className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
          {users.map((user) => {
            const names = { name: user.name, email: user.email };
            return (
              <li key={user.id} className="py-4">
                <div className="flex flex-wrap items-baseline gap-x-3">
                  <span className="font-semibold">{user.name}</span>
                  <span className="text-slate-700">{user.email}</span>
                  <span className="rounded bg-slate-100 px-2 text-sm">{admin("role", { role: user.role })}</span>
                  {user.disabledAt ? <span className="rounded bg-red-100 px-2 text-sm text-red-900">{t("disabled")}</span> : null}
                  {user.hasPassword ? null : <span className="rounded bg-amber-100 px-2 text-sm text-amber-900">{t("noPassword")}</span>}
                  {user.id === session.user.id ? <span className="text-sm text-slate-600">{t("you")}</span> : null}
                </div>
                <p className="text-sm text-slate-600">
                  {user.lastSeenAt
                    ? t("seen", { lastSeen: time.format(user.lastSeenAt), created: time.format(user.createdAt) })
                    : t("neverSeen", { created: time.format(user.createdAt) })}
                </p>
                <div className="mt-2">
                  <UserActions
                    user={{ id: user.id, name: user.name, email: user.email, role: user.role, disabled: Boolean(user.disabledAt) }}
                    self={user.id === session.user.id}
                    texts={{
                      role: t("role"),
                      roleOf: t("roleOf", names),
                      roles: roleOptions.map(({ value }) => ({ value, label: admin("role", { role: value }) })),
                      changeRole: t("changeRole"),
                      changeRoleOf: t("changeRoleOf", names),
                      saving: t("saving"),
                      enable: t("enable"),
                      enableName: t("enableName", names),
                      enableTitle: t("enableTitle", names),
                      disable: t("disable"),
                      disableName: t("disableName", names),
                      disableTitle: t("disableTitle", names),
                      disableDescription: t("disableDescription"),
                      resetPassword: t("resetPassword"),
                      resetPasswordOf: t("resetPasswordOf", names),
                      resetTitle: t("resetTitle", names),
                      resetDescription: t("resetDescription"),
                      resetting: t("resetting"),
                      signOutEverywhere: t("signOutEverywhere"),
                      signOutEverywhereFor: t("signOutEverywhereFor", names),
                      signOutTitle: t("signOutTitle", names),
                      signOutConfirm: t("signOutConfirm", names),
                      signingOut: t("signingOut"),
                      cancel: admin("cancel"),
                      passwordLink,
                    }}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
