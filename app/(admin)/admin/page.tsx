import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/changes/status-badge";
import { HealthCharts } from "@/components/dashboard/health-charts";
import { Toast } from "@/components/ui/toast";
import { currentSession, requireUser } from "@/lib/auth/session";
import { countAwaitingReview, listOwnChangeSets, listRecentlyPublished, type ChangeSetListItem } from "@/lib/data/change-sets";
import { getHealthFigures } from "@/lib/data/health";
import { countBrokenLinks } from "@/lib/data/links";
import { countOverdue } from "@/lib/data/verification";
import { defaultLocale, intlLocale, type Locale } from "@/lib/i18n/locales";

// The admin layout's title template is for the pages below it: this one, beside it, names the directory itself.
export async function generateMetadata(): Promise<Metadata> {
  const locale = (await currentSession())?.user.language ?? defaultLocale;
  const [t, site] = await Promise.all([getTranslations({ locale, namespace: "Dashboard" }), getTranslations({ locale, namespace: "Site" })]);
  return { title: { absolute: `${t("title")} · ${site("name")}` }, robots: { index: false } };
}

/** Counts are taken up to this many: past it the page says "more than". */
const countedUpTo = 1000;

/** The texts of a list of changes, in the staff member's language. */
type ListTexts = { locale: Locale; time: Intl.DateTimeFormat; created: (name: string) => string; at: (time: string) => string; note: (note: string) => string };

function ChangeList({ items, empty, mine, texts }: { items: ChangeSetListItem[]; empty: string; mine: boolean; texts: ListTexts }) {
  if (items.length === 0) return <p className="mt-2 text-slate-700">{empty}</p>;
  return (
    <ul className="mt-2 divide-y divide-slate-200 border-y border-slate-200">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center gap-3 py-2">
          {mine ? (
            <Link href={`/admin/changes/${item.id}`} className="font-medium text-brand-700 underline hover:no-underline">
              {item.kind === "CREATE" ? texts.created(item.name) : item.name}
            </Link>
          ) : (
            <span className="font-medium">{item.name}</span>
          )}
          <StatusBadge status={item.status} locale={texts.locale} />
          <span className="text-sm text-slate-600">{texts.at(texts.time.format(item.decidedAt ?? item.submittedAt ?? item.updatedAt))}</span>
          {mine && item.decisionNote ? <span className="w-full text-sm text-slate-800">{texts.note(item.decisionNote)}</span> : null}
        </li>
      ))}
    </ul>
  );
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const { user } = await requireUser("/admin");
  const locale = user.language ?? defaultLocale;
  const { discarded, new: created } = await searchParams;
  const reviewer = user.role === "ADMIN" || user.role === "REVIEWER";
  const [mine, awaiting, published, overdue, broken, health, t, admin] = await Promise.all([
    listOwnChangeSets(user),
    countAwaitingReview(reviewer ? user : undefined),
    listRecentlyPublished(),
    countOverdue({ cap: countedUpTo }),
    countBrokenLinks(countedUpTo),
    // The rest of the page does not depend on them: a failure is logged and said in their place.
    getHealthFigures().catch((error: unknown) => {
      console.error("[dashboard] the health figures could not be taken:", error);
      return null;
    }),
    getTranslations({ locale, namespace: "Dashboard" }),
    getTranslations({ locale, namespace: "Admin" }),
  ]);
  // "3 listings", "More than 1,000 listings".
  const waiting = [
    ...(reviewer && awaiting > 0
      ? [{ href: "/admin/reviews", text: awaiting > countedUpTo ? t("toReviewMore", { count: countedUpTo }) : t("toReview", { count: awaiting }) }]
      : []),
    ...(overdue > 0 ? [{ href: "/admin/due", text: overdue > countedUpTo ? t("dueMore", { count: countedUpTo }) : t("due", { count: overdue }) }] : []),
    ...(broken > 0
      ? [{ href: "/admin/links?verdict=broken", text: broken > countedUpTo ? t("brokenMore", { count: countedUpTo }) : t("broken", { count: broken }) }]
      : []),
  ];
  const drafts = mine.filter((item) => ["DRAFT", "CHANGES_REQUESTED", "WITHDRAWN"].includes(item.status));
  const sent = mine.filter((item) => !drafts.includes(item));
  // English dates as the admin has always written them (3 Mar 2026, 14:05), not the American order.
  const texts: ListTexts = {
    locale,
    time: new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
    created: (name) => t("newOrganisation", { name }),
    at: (time) => t("atTime", { time }),
    note: (note) => t("reviewerNote", { note }),
  };
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("welcome", { name: user.name })}</h1>
      <Toast
        message={typeof discarded === "string" ? t("discarded", { name: discarded.slice(0, 200), created: created ? "yes" : "no" }) : undefined}
        className="mt-4"
      />
      <p className="mt-2 text-slate-700">{t("signedInAs", { role: admin("role", { role: user.role }), count: awaiting })}</p>
      <p className="mt-4 flex gap-4">
        <Link href="/admin/organisations" className="text-brand-700 underline">
          {t("findOrganisation")}
        </Link>
        <Link href="/admin/organisations/new" className="text-brand-700 underline">
          {t("addOrganisation")}
        </Link>
      </p>
      <section aria-labelledby="waiting" className="mt-8">
        <h2 id="waiting" className="text-lg font-semibold">
          {t("waitingHeading")}
        </h2>
        {waiting.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("nothingWaits")}</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {waiting.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="text-brand-700 underline hover:no-underline">
                  {item.text}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="drafts" className="mt-8">
        <h2 id="drafts" className="text-lg font-semibold">
          {t("draftsHeading")}
        </h2>
        <ChangeList items={drafts} empty={t("noDrafts")} mine texts={texts} />
      </section>
      <section aria-labelledby="sent" className="mt-8">
        <h2 id="sent" className="text-lg font-semibold">
          {t("sentHeading")}
        </h2>
        <ChangeList items={sent} empty={t("noneSent")} mine texts={texts} />
      </section>
      <section aria-labelledby="published" className="mt-8">
        <h2 id="published" className="text-lg font-semibold">
          {t("publishedHeading")}
        </h2>
        <ChangeList items={published} empty={t("nonePublished")} mine={false} texts={texts} />
      </section>
      <HealthCharts figures={health} locale={locale} />
    </>
  );
}
