import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { ChangeSummary } from "@/components/changes/change-summary";
import { DiscardButton } from "@/components/changes/discard-button";
import { PendingChanges } from "@/components/changes/pending-changes";
import { StatusBadge } from "@/components/changes/status-badge";
import { WithdrawButton } from "@/components/changes/withdraw-button";
import { Toast } from "@/components/ui/toast";
import { OrganisationForm } from "@/components/organisation-form/organisation-form";
import { formCountries, formTexts } from "@/components/organisation-form/form-texts";
import { defaultLocale } from "@/lib/i18n/locales";
import { formValues } from "@/components/organisation-form/form-values";
import { requireUser } from "@/lib/auth/session";
import { fieldLabels } from "@/lib/change-sets/document";
import { editableStatuses, getOwnChangeSet, listPendingChanges, overlappingChanges } from "@/lib/data/change-sets";
import { countryNames } from "@/lib/data/countries";
import { isId } from "@/lib/validation/ids";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export const metadata: Metadata = { title: "Your change", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const kindTitles = { CREATE: "New organisation", UPDATE: "Change to", ARCHIVE: "Archive", RESTORE: "Restore" } as const;

export default async function ChangePage({ params, searchParams }: Props) {
  const { id } = await params;
  const session = await requireUser(`/admin/changes/${id}`);
  // Someone else's change set, or none: the same 404 (it does not confirm it exists).
  const changeSet = isId(id) ? await getOwnChangeSet(session.user, id) : null;
  if (!changeSet) notFound();
  const flash = await searchParams;
  const editable = editableStatuses.includes(changeSet.status);
  const name = changeSet.proposed.name;
  const reviewer = session.user.role !== "EDITOR";
  const pending = changeSet.organisationId && (editable || changeSet.status === "SUBMITTED") ? await listPendingChanges(session.user, changeSet.organisationId) : [];
  const overlaps = flash.overlap && editable ? await overlappingChanges(session.user, changeSet.id) : [];
  return (
    <>
      <Breadcrumb href="/admin" label="Dashboard" current="your change" />
      <h1 className="mt-1 text-2xl font-bold text-brand-900">
        {changeSet.kind === "CREATE" ? kindTitles.CREATE : `${kindTitles[changeSet.kind]} ${changeSet.base?.name ?? name}`}
      </h1>
      <p className="mt-2 flex flex-wrap items-center gap-3">
        <StatusBadge status={changeSet.status} />
        {/* An editable draft's form has its own link, which saves what was typed first. */}
        {editable ? null : (
          <Link href={`/admin/changes/${changeSet.id}/preview`} className="font-medium text-brand-700 underline">
            Preview the public page with this change
          </Link>
        )}
      </p>
      {changeSet.decisionNote ? (
        <p className="mt-4 rounded-md border border-slate-300 bg-slate-50 px-3 py-2">
          <span className="font-medium">The reviewer wrote:</span> {changeSet.decisionNote}
        </p>
      ) : null}
      {typeof flash.notSubmitted === "string" ? (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          Saved as a draft, but not submitted: {flash.notSubmitted.slice(0, 300)}
        </p>
      ) : null}
      {overlaps.length ? (
        <div role="alert" className="mt-4 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-amber-950">
          <p className="font-medium">Saved as a draft, not submitted yet: another change waiting for review changes the same fields.</p>
          <ul className="mt-1 list-disc pl-5">
            {overlaps.map((other) => (
              <li key={other.id}>
                {other.by}&apos;s change also changes {other.shared.join(", ")}.
              </li>
            ))}
          </ul>
          <p className="mt-1">Look at it first; if yours should still go, choose “Submit anyway” below. The reviewer sees both.</p>
        </div>
      ) : null}
      <Toast
        message={
          flash.withdrawn
            ? "Withdrawn from review. It is a draft again: edit it and submit it again, or discard it."
            : flash.submitted
            ? "Submitted for review. A reviewer will approve or reject it; nothing is public until then."
            : flash.saved
              ? "Draft saved. It stays private until you submit it for review."
              : undefined
        }
        className="mt-4"
      />
      {changeSet.movedUnderneath.length ? (
        <div role="note" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          <p className="font-medium">The published organisation changed since you started this draft:</p>
          <ul className="mt-1 list-disc pl-5">
            {changeSet.movedUnderneath.map((change) => (
              <li key={change.key}>
                {change.type === "field" ? fieldLabels[change.field] : change.type === "order" ? "the order of the contacts" : "a contact you changed"}: published now{" "}
                <q>{change.type === "field" && changeSet.current ? String(changeSet.current[change.field] ?? "(empty)") : "different"}</q>, yours{" "}
                <q>{change.type === "field" ? String(change.proposed ?? "(empty)") : "as in the form"}</q>.
              </li>
            ))}
          </ul>
          <p className="mt-1">Nothing is overwritten silently: the reviewer sees both values and decides.</p>
        </div>
      ) : null}
      <PendingChanges changes={pending} reviewer={reviewer} />
      {editable ? (
        <>
        <OrganisationForm
          values={formValues(changeSet.proposed, changeSet.note)}
          countries={await formCountries(session.user.language ?? defaultLocale)}
          texts={await formTexts(session.user.language ?? defaultLocale)}
          organisationId={changeSet.organisationId ?? undefined}
          changeSetId={changeSet.id}
          revision={changeSet.revision}
          confirmOverlap={overlaps.length > 0}
        />
        <div className="mt-10 border-t border-slate-200 pt-6">
          <DiscardButton changeSetId={changeSet.id} name={name} created={changeSet.kind === "CREATE"} />
        </div>
        </>
      ) : (
        <section aria-labelledby="summary" className="mt-6 space-y-4">
          <h2 id="summary" className="text-lg font-semibold">
            What it changes
          </h2>
          <ChangeSummary base={changeSet.base} proposed={changeSet.proposed} countries={await countryNames()} />
          {changeSet.note ? (
            <p>
              <span className="font-medium">Your note:</span> {changeSet.note}
            </p>
          ) : null}
          {changeSet.status === "SUBMITTED" ? <WithdrawButton changeSetId={changeSet.id} name={name} /> : null}
        </section>
      )}
    </>
  );
}
