import { getTranslations } from "next-intl/server";
import type { ChangeSetStatus } from "@/lib/generated/prisma/enums";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";

const colours: Record<ChangeSetStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-900",
  SUBMITTED: "bg-amber-100 text-amber-900",
  APPROVED: "bg-green-100 text-green-900",
  PARTLY_APPROVED: "bg-green-100 text-green-900",
  REJECTED: "bg-red-100 text-red-900",
  CHANGES_REQUESTED: "bg-amber-100 text-amber-900",
  WITHDRAWN: "bg-slate-100 text-slate-900",
};

/** A change set's status, named in the reader's language (messages' Changes.status). */
export async function StatusBadge({ status, locale = defaultLocale }: { status: ChangeSetStatus; locale?: Locale }) {
  const t = await getTranslations({ locale, namespace: "Changes" });
  return <span className={`rounded px-2 py-0.5 text-sm ${colours[status]}`}>{t("status", { status })}</span>;
}
