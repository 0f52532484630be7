import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChangeSummary } from "@/components/changes/change-summary";
import { changeLabels } from "@/lib/i18n/change-labels";
import { DiscardButton } from "@/components/changes/discard-button";
import { PendingChanges } from "@/components/changes/pending-changes";
import { StatusBadge } from "@/components/changes/status-badge";
import { WithdrawButton } from "@/components/changes/withdraw-button";
import { Toast } from "@/components/ui/toast";
import { OrganisationForm } from "@/components/organisation-form/organisation-form";
import { formCountries, formTexts } from "@/components/organisation-form/form-texts";
import { defaultLocale } from "@/lib/i18n/locales";
import { validationTranslator } from "@/lib/i18n/validation";
import { formValues } from "@/components/organisation-form/form-values";
import { currentSession, requireUser } from "@/lib/auth/session";
import { editableStatuses, getOwnChangeSet, listPendingChanges, overlappingChanges } from "@/lib/data/change-sets";
import { countryNames } from "@/lib/data/countries";
import { isId } from "@/lib/validation/ids";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Changes" });
  return { title: t("title"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChangePage({ params, searchParams }: Props) {
  const { id } = await params;
  const session = await requireUser(`/admin/changes/${id}`);
  // Someone else's change set, or none: the same 404 (it does not confirm it exists).
  const changeSet = isId(id) ? await getOwnChangeSet(session.user, id) : null;
  if (!changeSet) notFound();
  const locale = session.user.language ?? defaultLocale;
  const [t, form, labels] = await Promise.all([getTranslations({ locale, namespace: "Changes" }), getTranslations({ locale, namespace: "Form" }), changeLabels(locale)]);
  const flash = await searchParams;
  const editable = editableStatuses.includes(changeSet.status);
  const name = changeSet.proposed.name;
  const reviewer = session.user.role !== "EDITOR";
  const pending = changeSet.organisationId && (editable || changeSet.status === "SUBMITTED") ? await listPendingChanges(session.user, changeSet.organisationId) : [];
  const overlaps = flash.overlap && editable ? await overlappingChanges(session.user, changeSet.id) : [];
  // What another change shares with this one, in the reader's words.
  const shared = (keys: string[]) => [...new Set(keys.map(labels.ofKey))].join(", ");
  const empty = t("empty");
  return (
    <>
      <Breadcrumb href="/admin" label={t("dashboard")} current={t("breadcrumb")} />
      <h1 className="mt-1 text-2xl font-bold text-brand-900">
        {t("heading", { kind: changeSet.kind, name: changeSet.base?.name ?? name })}
      </h1>
      <p className="mt-2 flex flex-wrap items-center gap-3">
        <StatusBadge status={changeSet.status} locale={locale} />
        {/* An editable draft's form has its own link, which saves what was typed first. */}
        {editable ? null : (
          <Link href={`/admin/changes/${changeSet.id}/preview`} className="font-medium text-brand-700 underline">
            {t("preview")}
          </Link>
        )}
      </p>
      {changeSet.decisionNote ? (
        <p className="mt-4 rounded-md border border-slate-300 bg-slate-50 px-3 py-2">
          <span className="font-medium">{t("reviewerWrote")}</span> {changeSet.decisionNote}
        </p>
      ) : null}
      {typeof flash.notSubmitted === "string" ? (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {t("notSubmitted", { reason: (await validationTranslator(locale))(flash.notSubmitted).slice(0, 300) })}
        </p>
      ) : null}
      {overlaps.length ? (
        <div role="alert" className="mt-4 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-amber-950">
          <p className="font-medium">{t("overlapHeading")}</p>
          <ul className="mt-1 list-disc pl-5">
            {overlaps.map((other) => (
              <li key={other.id}>{t("overlapItem", { name: other.by ?? t("someone", { public: other.public ? "yes" : "no" }), fields: shared(other.shared) })}</li>
            ))}
          </ul>
          <p className="mt-1">{t("overlapHint", { button: form("submitAnyway") })}</p>
        </div>
      ) : null}
      <Toast
        message={
          flash.withdrawn
            ? t("withdrawn")
            : flash.submitted
            ? t("submitted")
            : flash.saved
              ? t("saved")
              : undefined
        }
        className="mt-4"
      />
      {changeSet.movedUnderneath.length ? (
        <div role="note" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          <p className="font-medium">{t("movedHeading")}</p>
          <ul className="mt-1 list-disc pl-5">
            {changeSet.movedUnderneath.map((change) => (
              <li key={change.key}>
                {t.rich("moved", {
                  what:
                    change.type === "field"
                      ? labels.field(change.field)
                      : change.type === "order"
                        ? t("movedOrder")
                        : change.type === "translation"
                          ? labels.translation(change.language, change.part)
                          : t("movedContact"),
                  now: change.type === "field" && changeSet.current ? String(changeSet.current[change.field] ?? empty) : t("movedDifferent"),
                  yours: change.type === "field" ? String(change.proposed ?? empty) : t("movedAsInForm"),
                  q: (chunks) => <q>{chunks}</q>,
                })}
              </li>
            ))}
          </ul>
          <p className="mt-1">{t("movedHint")}</p>
        </div>
      ) : null}
      <PendingChanges changes={pending} reviewer={reviewer} locale={locale} />
      {editable ? (
        <>
        <OrganisationForm
          values={formValues(changeSet.proposed, changeSet.note)}
          countries={await formCountries(locale)}
          texts={await formTexts(locale)}
          organisationId={changeSet.organisationId ?? undefined}
          changeSetId={changeSet.id}
          revision={changeSet.revision}
          confirmOverlap={overlaps.length > 0}
        />
        <div className="mt-10 border-t border-slate-200 pt-6">
          <DiscardButton changeSetId={changeSet.id} name={name} created={changeSet.kind === "CREATE"} locale={locale} />
        </div>
        </>
      ) : (
        <section aria-labelledby="summary" className="mt-6 space-y-4">
          <h2 id="summary" className="text-lg font-semibold">
            {t("summaryHeading")}
          </h2>
          <ChangeSummary base={changeSet.base} proposed={changeSet.proposed} countries={await countryNames()} locale={locale} />
          {changeSet.note ? (
            <p>
              <span className="font-medium">{t("yourNote")}</span> {changeSet.note}
            </p>
          ) : null}
          {changeSet.status === "SUBMITTED" ? <WithdrawButton changeSetId={changeSet.id} name={name} locale={locale} /> : null}
        </section>
      )}
    </>
  );
}
