import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { changeLabels } from "@/lib/i18n/change-labels";
import type { PendingChange } from "@/lib/data/change-sets";
import { defaultLocale, formatDay, type Locale } from "@/lib/i18n/locales";

/**
 * Other people's changes waiting for review on the organisation being edited: whose, since when,
 * which fields, with a link (the review page for those who decide, the preview for editors).
 */
export async function PendingChanges({ changes, reviewer, locale = defaultLocale }: { changes: PendingChange[]; reviewer: boolean; locale?: Locale }) {
  if (changes.length === 0) return null;
  const [t, labels] = await Promise.all([getTranslations({ locale, namespace: "Changes" }), changeLabels(locale)]);
  return (
    <section aria-labelledby="pending-changes" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950">
      <h2 id="pending-changes" className="font-semibold">
        {t("pendingHeading", { count: changes.length })}
      </h2>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {changes.map((change) => {
          // What it changes, in the reader's words.
          const fields = [...new Set(change.keys.map(labels.ofKey))].join(", ") || t("noField");
          const values = { public: change.public ? "yes" : "no", by: change.by ?? t("someone", { public: change.public ? "yes" : "no" }), fields };
          return (
            <li key={change.id}>
              {change.submittedAt ? t("pendingSince", { ...values, date: formatDay(locale, change.submittedAt) }) : t("pending", values)}{" "}
              <Link href={reviewer ? `/admin/reviews/${change.id}` : `/admin/changes/${change.id}/preview`} className="font-medium underline">
                {reviewer ? t("reviewIt") : t("previewIt")}
                <span className="sr-only"> {t("changeBy", { by: values.by })}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      <p className="mt-1 text-sm">{t("pendingHint")}</p>
    </section>
  );
}
