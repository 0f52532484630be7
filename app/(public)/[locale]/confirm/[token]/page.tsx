import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ListingSummary } from "@/components/confirmations/listing-summary";
import { NewLinkForm } from "@/components/confirmations/new-link-form";
import { ActionForm } from "@/components/ui/action-form";
import { askForNewLinkAction, confirmListingAction } from "@/lib/actions/confirmations";
import { confirmationDays, openConfirmation } from "@/lib/data/confirmations";
import { formatDay, localePath, type Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale; token: string }> };

// The token is in the address: it must not leak to other sites through the Referer header.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "Confirm" });
  return { title: t("metaTitle"), robots: { index: false }, referrer: "no-referrer" };
}

/** Where a confirmation request's link leads: the listing and two answers, or why the link no longer works. */
export default async function ConfirmListingPage({ params }: Props) {
  await connection();
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Confirm");
  const opened = token.length <= 200 ? await openConfirmation(token) : ({ state: "invalid" } as const);
  switch (opened.state) {
    case "valid":
      return (
        <>
          <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("validTitle")}</h1>
          <p className="mt-2 max-w-2xl text-slate-700">{t("validIntro", { name: opened.organisation.name, date: formatDay(locale, opened.expiresAt) })}</p>
          <ListingSummary slug={opened.organisation.slug} locale={locale} />
          <section aria-labelledby="answer-heading" className="mt-8 max-w-2xl rounded-md border border-slate-200 p-4">
            <h2 id="answer-heading" className="text-xl font-semibold">
              {t("answerHeading")}
            </h2>
            <div className="mt-3 flex flex-wrap items-start gap-4">
              <ActionForm action={confirmListingAction} fields={{ token, pageLanguage: locale }} submit={t("confirmSubmit")} pending={t("saving")} variant="primary" />
              <Link href={localePath(locale, `/confirm/${token}/changes`)} className="mt-2 font-medium text-brand-700 underline hover:no-underline">
                {t("changedLink")}
              </Link>
            </div>
          </section>
          <p className="mt-8 text-sm text-slate-600">
            <Link href={localePath(locale, `/confirm/${token}/unsubscribe`)} className="underline hover:no-underline">
              {t("unsubscribeLink")}
            </Link>
          </p>
        </>
      );
    case "used": {
      const name = opened.organisation.name;
      const first =
        opened.answer === "CONFIRMED"
          ? t("usedConfirmed", { name, date: formatDay(locale, opened.answeredAt!) })
          : opened.answer === "CHANGED"
            ? t("usedChanged", { name, date: formatDay(locale, opened.answeredAt!) })
            : null;
      return (
        <>
          <h1 className="text-3xl font-bold tracking-tight text-brand-900">
            {opened.answer === "CONFIRMED" ? t("usedConfirmedTitle") : opened.answer === "CHANGED" ? t("usedChangedTitle") : t("usedTitle")}
          </h1>
          <p className="mt-2 max-w-2xl text-slate-700">
            {first}{" "}
            {t("usedAgain")}
          </p>
          <p className="mt-6 flex flex-wrap gap-4">
            <Link href={localePath(locale, `/organisations/${opened.organisation.slug}`)} className="font-medium text-brand-700 underline hover:no-underline">
              {t("seeListing")}
            </Link>
            <Link href={localePath(locale, `/organisations/${opened.organisation.slug}/suggest`)} className="font-medium text-brand-700 underline hover:no-underline">
              {t("suggestCorrection")}
            </Link>
          </p>
          <NewLinkForm language={locale} texts={newLinkTexts(t)} />
        </>
      );
    }
    case "expired":
      return (
        <>
          <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("expiredTitle")}</h1>
          <p className="mt-2 max-w-2xl text-slate-700">{t("expiredText", { days: confirmationDays, name: opened.organisation.name })}</p>
          <ActionForm className="mt-6" action={askForNewLinkAction} fields={{ token, pageLanguage: locale }} submit={t("newLinkSubmit")} pending={t("sending")} variant="primary" />
          <p className="mt-6">
            <Link href={localePath(locale, `/organisations/${opened.organisation.slug}/suggest`)} className="font-medium text-brand-700 underline hover:no-underline">
              {t("suggestNow")}
            </Link>
          </p>
        </>
      );
    case "not-listed":
      return (
        <>
          <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("notListedTitle")}</h1>
          <p className="mt-2 max-w-2xl text-slate-700">{t("notListedText")}</p>
          <p className="mt-6">
            <Link href={localePath(locale, "/suggest")} className="font-medium text-brand-700 underline hover:no-underline">
              {t("proposeOrganisation")}
            </Link>
          </p>
        </>
      );
    case "invalid":
      return <InvalidLink locale={locale} />;
  }
}

async function InvalidLink({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "Confirm" });
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("invalidTitle")}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">{t("invalidText")}</p>
      <NewLinkForm language={locale} texts={newLinkTexts(t)} />
      <p className="mt-6">
        <Link href={localePath(locale, "/search")} className="font-medium text-brand-700 underline hover:no-underline">
          {t("searchDirectory")}
        </Link>
      </p>
    </>
  );
}

/** The texts of the form that asks for a new link by e-mail address. */
const newLinkTexts = (t: Awaited<ReturnType<typeof getTranslations<"Confirm">>>) => ({
  heading: t("newLinkHeading"),
  email: t("newLinkEmail"),
  submit: t("newLinkByEmailSubmit"),
  pending: t("sending"),
});
