import { getTranslations } from "next-intl/server";
import type { ConfirmationStatus } from "@/lib/data/confirmations";
import { intlLocale, type Locale } from "@/lib/i18n/locales";

/** The latest request to an organisation to confirm its listing, for a table cell of the due list, in the reader's language (messages' Due). */
export async function AskedStatus({ locale, status, hasEmail }: { locale: Locale; status: ConfirmationStatus | undefined; hasEmail: boolean }) {
  const t = await getTranslations({ locale, namespace: "Due" });
  if (!status) return <span className="text-slate-600">{hasEmail ? t("notAsked") : t("noEmail")}</span>;
  // English days as the due list has always shown them (3 Mar 2026), other languages' own way.
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <span className="whitespace-nowrap">{date.format(new Date(status.askedAt))}</span>
      <span className={`block text-sm ${status.state === "failed" ? "text-red-800" : "text-slate-600"}`}>
        {status.failure && status.state === "failed" ? t("askedFailed", { failure: status.failure }) : t("askedState", { state: status.state })}
      </span>
      {status.suppressed ? <span className="block text-sm text-red-800">{t("suppressed", { email: status.email, reason: status.suppressed })}</span> : null}
    </>
  );
}
