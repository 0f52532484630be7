import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable, Pager } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { keysetLinks } from "@/components/ui/keyset-links";
import { changeLabels } from "@/lib/i18n/change-labels";
import { documentFields, fieldLabels, translationLabel, translationParts } from "@/lib/change-sets/document";
import { ContactType } from "@/lib/generated/prisma/enums";
import { contactTypeLabels } from "@/lib/validation/labels";
import type { ImportRowView } from "@/lib/data/import-batches";
import { locales, type Locale } from "@/lib/i18n/locales";
import { validationTranslator } from "@/lib/i18n/validation";

/** The rows' outcomes, as the filter links name them (messages' Imports.outcome). */
export const importOutcomes = ["create", "update", "unchanged", "duplicate", "error"] as const;
export type ImportOutcome = (typeof importOutcomes)[number];

// A difference's name and its "none" (a value that was or becomes empty), as the table shows them.
const b = (chunks: React.ReactNode) => <span className="font-medium">{chunks}</span>;
const none = (chunks: React.ReactNode) => <em>{chunks}</em>;

/**
 * A difference's name, stored in English as lib/import/plan.ts's describeDifferences writes it
 * ("Website", "Phone", "Description in French", "Order of the contacts"), in the reader's words.
 */
async function differenceNames(locale: Locale): Promise<(what: string) => string> {
  const [labels, changes, contactTypes] = await Promise.all([
    changeLabels(locale),
    getTranslations({ locale, namespace: "Changes" }),
    getTranslations({ locale, namespace: "ContactTypes" }),
  ]);
  const names = new Map<string, string>([["Order of the contacts", changes("order")]]);
  for (const field of documentFields) names.set(fieldLabels[field], labels.field(field));
  for (const type of Object.values(ContactType)) names.set(contactTypeLabels[type], contactTypes(type));
  for (const language of locales) for (const part of translationParts) names.set(translationLabel(language, part), labels.translation(language, part));
  return (what) => names.get(what) ?? what;
}

type Props = {
  locale: Locale;
  /** The import's page, the filter links' and the pager's base. */
  base: string;
  rows: ImportRowView[];
  filter: ImportOutcome | undefined;
  /** The row the page starts after (0: the first page), and the next page's, if any. */
  after: number;
  next: string | null;
  /** A change set opens on its review page (a reviewer other than the author) or on the author's. */
  reviewLinks: boolean;
};

/**
 * An import's rows and what importing each does, a page at a time, filtered by outcome. A row's
 * errors are stored in English (lib/import/rows.ts, the schemas of lib/validation, lib/data's
 * errors): each is said in the reader's language (messages' "Validation", "Errors", "ImportProblems").
 */
export async function ImportRows({ locale, base, rows, filter, after, next, reviewLinks }: Props) {
  const [t, admin, localise, differenceName] = await Promise.all([
    getTranslations({ locale, namespace: "Imports" }),
    getTranslations({ locale, namespace: "Admin" }),
    validationTranslator(locale),
    differenceNames(locale),
  ]);
  return (
    <section aria-labelledby="rows-heading" className="mt-8">
      <h2 id="rows-heading" className="text-lg font-semibold">
        {t("rows")}
      </h2>
      <nav aria-label={t("showRows")} className="mt-2 flex flex-wrap gap-3 text-sm">
        {[["", t("all")], ...importOutcomes.map((each) => [each, t("outcome", { outcome: each })])].map(([value, label]) => (
          <Link
            key={value}
            href={value ? `${base}?outcome=${value}` : base}
            aria-current={(filter ?? "") === value ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-1 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
          >
            {label}
          </Link>
        ))}
      </nav>
      <DataTable<ImportRowView>
        caption={t("rowsCaption")}
        rows={rows}
        rowKey={(row) => String(row.row)}
        empty={<EmptyState title={filter ? t("noRowOfKind") : t("noRows")} />}
        columns={[
          { header: t("row"), cell: (row) => row.row },
          { header: t("outcomeColumn"), cell: (row) => t("outcome", { outcome: row.outcome }) },
          {
            header: t("organisation"),
            cell: (row) =>
              row.organisationId ? (
                <Link href={`/admin/organisations/${row.organisationId}/edit`} className="text-brand-700 underline hover:no-underline">
                  {row.organisation}
                </Link>
              ) : (
                row.organisation
              ),
          },
          {
            header: t("details"),
            cell: (row) =>
              row.outcome === "error" ? (
                <ul className="list-disc pl-4 text-red-800">
                  {row.errors.map((error, index) => (
                    <li key={index}>{error.column ? t("columnError", { column: error.column, message: localise(error.message) }) : localise(error.message)}</li>
                  ))}
                </ul>
              ) : row.outcome === "duplicate" ? (
                t("duplicateOf", { row: String(row.duplicateOf) })
              ) : row.outcome === "update" ? (
                <ul className="space-y-0.5">
                  {row.differences.map((difference, index) => (
                    <li key={index}>
                      {difference.before === null && difference.after === null
                        ? t.rich("differenceChanged", { what: differenceName(difference.what), b })
                        : t.rich("difference", {
                            what: differenceName(difference.what),
                            beforeShown: difference.before === null ? "no" : "yes",
                            before: difference.before ?? "",
                            afterShown: difference.after === null ? "no" : "yes",
                            after: difference.after ?? "",
                            b,
                            none,
                          })}
                    </li>
                  ))}
                </ul>
              ) : row.outcome === "unchanged" && row.changeSetId ? (
                t("alreadyProposed")
              ) : (
                ""
              ),
          },
          {
            header: t("change"),
            cell: (row) =>
              row.changeSetId && row.changeSetStatus ? (
                <Link href={reviewLinks ? `/admin/reviews/${row.changeSetId}` : `/admin/changes/${row.changeSetId}`} className="text-brand-700 underline hover:no-underline">
                  {t("changeStatus", { status: row.changeSetStatus })}
                </Link>
              ) : (
                ""
              ),
          },
        ]}
      />
      <Pager label={admin("pages")} links={keysetLinks(base, { outcome: filter, after: after ? String(after) : undefined }, next, { first: admin("firstPage"), next: admin("nextPage") })} />
    </section>
  );
}
