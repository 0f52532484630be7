import { Document } from "@/components/layout/document";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SkipLink } from "@/components/layout/skip-link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SignOutEverywhereButton } from "@/components/auth/sign-out-everywhere-button";
import type { Metadata } from "next";
import { currentSession, requireUser } from "@/lib/auth/session";
import { countAwaitingReview } from "@/lib/data/change-sets";
import { defaultLocale } from "@/lib/i18n/locales";

const link = "underline-offset-4 hover:underline";

// The pages' titles end with the directory's name in the reader's language.
export async function generateMetadata(): Promise<Metadata> {
  const site = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Site" });
  return { title: { default: site("name"), template: `%s · ${site("name")}` } };
}

// Not a guard (layouts do not re-run on every navigation): each admin page checks the session itself.
// In the language the person chose on their account page.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireUser();
  const locale = user.language ?? defaultLocale;
  const [t, site] = await Promise.all([getTranslations({ locale, namespace: "Admin" }), getTranslations({ locale, namespace: "Site" })]);
  const reviewer = user.role === "ADMIN" || user.role === "REVIEWER";
  // What this reviewer may decide: their own changes wait for someone else.
  const awaiting = reviewer ? await countAwaitingReview(user) : 0;
  const role = t("role", { role: user.role });
  return (
    <Document lang={locale}>
      <header className="border-b border-slate-200 bg-brand-900 text-white">
        <SkipLink label={site("skipLink")} />
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/admin" className="font-semibold">
            {t("brand")} <span className="font-normal text-brand-100">{t("brandSuffix")}</span>
          </Link>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            <nav aria-label={t("navigation")} className="flex flex-wrap gap-x-4 gap-y-1">
              <Link href="/admin/organisations" className={link}>
                {t("organisations")}
              </Link>
              <Link href="/admin/contacts" className={link}>
                {t("contacts")}
              </Link>
              <Link href="/admin/links" className={link}>
                {t("links")}
              </Link>
              <Link href="/admin/duplicates" className={link}>
                {t("duplicates")}
              </Link>
              <Link href="/admin/due" className={link}>
                {t("due")}
              </Link>
              <Link href="/admin/imports" className={link}>
                {t("imports")}
              </Link>
              {reviewer ? (
                // Read as "Reviews 2 waiting" (a real space before the badge, not a margin alone).
                <Link href="/admin/reviews" className={link}>
                  {t("reviews")}
                  {awaiting ? " " : null}
                  {awaiting ? (
                    <>
                      <span aria-hidden="true" className="rounded-full bg-amber-300 px-2 text-xs font-semibold text-slate-950">
                        {awaiting}
                      </span>
                      <span className="sr-only">{t("waiting", { count: awaiting })}</span>
                    </>
                  ) : null}
                </Link>
              ) : null}
              {user.role === "ADMIN" ? (
                <>
                  <Link href="/admin/users" className={link}>
                    {t("users")}
                  </Link>
                  <Link href="/admin/audit" className={link}>
                    {t("audit")}
                  </Link>
                  <Link href="/admin/jobs" className={link}>
                    {t("jobs")}
                  </Link>
                </>
              ) : null}
            </nav>
            <Link href="/admin/account" aria-label={t("accountLink", { name: user.name, role })} className={link}>
              {user.name} <span className="text-brand-100">({role})</span>
            </Link>
            <SignOutButton label={t("signOut")} pending={t("signingOut")} />
            <SignOutEverywhereButton
              texts={{
                label: t("signOutEverywhere"),
                pending: t("signingOutEverywhere"),
                title: t("signOutEverywhereTitle"),
                confirm: t("signOutEverywhereConfirm"),
                cancel: t("cancel"),
              }}
            />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </Document>
  );
}
