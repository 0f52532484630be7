import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LanguageForm } from "@/components/account/language-form";
import { NotificationSettingsForm } from "@/components/account/notification-settings-form";
import { currentSession, requireRole } from "@/lib/auth/session";
import { digestRoles, getAccount } from "@/lib/data/users";
import { defaultLocale, languageName, locales } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Account" });
  return { title: t("title"), robots: { index: false } };
}

export default async function AccountPage() {
  const session = await requireRole(["ADMIN", "EDITOR", "REVIEWER"], "/admin/account");
  const locale = session.user.language ?? defaultLocale;
  const [account, t, admin] = await Promise.all([
    getAccount(session.user),
    getTranslations({ locale, namespace: "Account" }),
    getTranslations({ locale, namespace: "Admin" }),
  ]);
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      <dl className="mt-4 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-slate-800">
        <dt className="font-medium">{t("name")}</dt>
        <dd>{account.name}</dd>
        <dt className="font-medium">{t("email")}</dt>
        <dd>{account.email}</dd>
        <dt className="font-medium">{t("role")}</dt>
        <dd>{admin("role", { role: account.role })}</dd>
      </dl>
      <LanguageForm
        current={account.language}
        languages={locales.map((code) => ({ code, name: languageName(code) }))}
        texts={{ heading: t("languageHeading"), label: t("languageLabel"), hint: t("languageHint"), submit: t("languageSubmit"), pending: t("saving") }}
      />
      <NotificationSettingsForm
        canReview={digestRoles.includes(account.role)}
        notifyReviewDigest={account.notifyReviewDigest}
        notifyDecisions={account.notifyDecisions}
        texts={{
          heading: t("mailHeading"),
          digest: t("digest"),
          digestHint: t("digestHint"),
          decisions: t("decisions"),
          decisionsHint: t("decisionsHint"),
          submit: t("mailSubmit"),
          pending: t("saving"),
        }}
      />
    </>
  );
}
