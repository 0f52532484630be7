import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AskedStatus } from "@/components/confirmations/asked-status";
import { LinkProblems } from "@/components/links/link-verdict";
import { formCountries } from "@/components/organisation-form/form-texts";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable, Pager } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { keysetLinks } from "@/components/ui/keyset-links";
import { requestConfirmationAction, requestDueConfirmationsAction } from "@/lib/actions/confirmations";
import { verifyOrganisation } from "@/lib/actions/organisations";
import { currentSession, requireRole } from "@/lib/auth/session";
import { latestConfirmations, withEmail } from "@/lib/data/confirmations";
import { linkProblemsOf } from "@/lib/data/links";
import { listDueForChecking, type DueListing } from "@/lib/data/verification";
import { serverEnv } from "@/lib/env";
import { OrganisationKind } from "@/lib/generated/prisma/enums";
import { defaultLocale, intlLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Due" });
  return { title: t("title"), robots: { index: false } };
}

type Props = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

type Texts = Awaited<ReturnType<typeof getTranslations<"Due">>>;

/** A screen reader's part of a button's name (the listing it acts on). */
const hidden = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;

export default async function DueForCheckingPage({ searchParams }: Props) {
  const session = await requireRole(["ADMIN", "EDITOR", "REVIEWER"], "/admin/due");
  const locale = session.user.language ?? defaultLocale;
  const params = await searchParams;
  const [countries, t, admin, kinds] = await Promise.all([
    formCountries(locale),
    getTranslations({ locale, namespace: "Due" }),
    getTranslations({ locale, namespace: "Admin" }),
    getTranslations({ locale, namespace: "Kinds" }),
  ]);
  const country = countries.find(
    (candidate) =>
      candidate.code === String(params.country ?? "").toUpperCase(),
  )?.code;
  const kind = Object.values(OrganisationKind).find((value) => value === params.kind);
  const after = typeof params.after === "string" ? params.after : undefined;
  const { listings, next } = await listDueForChecking({
    country,
    kind,
    cursor: after,
  });
  const ids = listings.map((listing) => listing.id);
  const [links, confirmations, reachable] = await Promise.all([linkProblemsOf(ids), latestConfirmations(ids), withEmail(ids)]);
  const filtered = country !== undefined || kind !== undefined;
  // English days as the list has always shown them (3 Mar 2026), other languages' own way.
  const date = new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    timeZone: "UTC",
  });
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        {t("intro", { months: serverEnv().VERIFICATION_INTERVAL_MONTHS })}
      </p>
      <FilterBar label={t("filterLabel")} submit={admin("show")}>
        <FilterSelect
          name="country"
          label={t("country")}
          value={country?.toLowerCase()}
          options={[
            { value: "", label: t("everyCountry") },
            ...countries.map((candidate) => ({
              value: candidate.code.toLowerCase(),
              label: candidate.name,
            })),
          ]}
        />
        <FilterSelect
          name="kind"
          label={t("kind")}
          value={kind}
          options={[
            { value: "", label: t("everyKind") },
            ...Object.values(OrganisationKind).map((value) => ({
              value,
              label: kinds(value),
            })),
          ]}
        />
      </FilterBar>
      {listings.some((listing) => listing.overdue) ? (
        <ActionForm
          className="mt-4"
          action={requestDueConfirmationsAction}
          fields={{ country: country ?? "", kind: kind ?? "", scope: "overdue" }}
          submit={t("askOverdue", { filtered: filtered ? "true" : "false" })}
          pending={t("queueing")}
          confirmation={{
            title: t("askOverdueTitle", { filtered: filtered ? "true" : "false" }),
            description: t("askOverdueDescription"),
            confirm: t("askOverdueConfirm"),
            cancel: admin("cancel"),
          }}
        />
      ) : null}
      <DataTable
        caption={t("caption")}
        rows={listings}
        rowKey={(listing) => listing.id}
        empty={
          <EmptyState
            title={
              filtered
                ? t("emptyFiltered")
                : after
                  ? t("emptyMore")
                  : t("empty")
            }
          >
            {filtered ? t("emptyFilteredHint") : null}
          </EmptyState>
        }
        columns={[
          {
            header: t("listing"),
            cell: (listing) => (
              <>
                <Link
                  href={`/admin/organisations/${listing.id}/edit`}
                  className="text-brand-700 underline"
                >
                  {listing.name}
                </Link>
                <span className="block text-sm text-slate-600">
                  {kinds(listing.kind)} ·{" "}
                  {listing.countryCodes.join(", ")}
                </span>
                <LinkProblems links={links.get(listing.id)} locale={locale} />
              </>
            ),
          },
          {
            header: t("lastChecked"),
            cell: (listing) => <LastChecked listing={listing} date={date} t={t} />,
          },
          {
            header: t("due"),
            cell: (listing) => (
              <span
                className={
                  listing.overdue ? "font-semibold text-red-800" : undefined
                }
              >
                {listing.overdue
                  ? t("overdueSince", { date: date.format(new Date(listing.dueAt)) })
                  : date.format(new Date(listing.dueAt))}
              </span>
            ),
            className: "whitespace-nowrap",
          },
          {
            header: t("askedToConfirm"),
            cell: (listing) => <AskedStatus locale={locale} status={confirmations.get(listing.id)} hasEmail={reachable.has(listing.id)} />,
          },
          {
            header: t("action"),
            cell: (listing) => (
              <div className="flex flex-col gap-2">
                <ActionForm
                  action={verifyOrganisation}
                  fields={{ organisationId: listing.id }}
                  submit={t.rich("markChecked", { name: listing.name, hidden })}
                  pending={t("saving")}
                />
                {reachable.has(listing.id) ? (
                  <ActionForm
                    action={requestConfirmationAction}
                    fields={{ organisationId: listing.id }}
                    submit={t.rich("askOrganisation", { name: listing.name, hidden })}
                    pending={t("queueing")}
                  />
                ) : null}
              </div>
            ),
          },
        ]}
      />
      <Pager
        label={admin("pages")}
        links={keysetLinks(
          "/admin/due",
          { country: country?.toLowerCase(), kind, after },
          next,
          { first: admin("firstPage"), next: admin("nextPage") },
        )}
      />
    </>
  );
}

function LastChecked({ listing, date, t }: { listing: DueListing; date: Intl.DateTimeFormat; t: Texts }) {
  if (!listing.lastVerifiedAt)
    return <span className="text-slate-600">{t("never")}</span>;
  const source = listing.lastVerifiedSource;
  const by = listing.lastVerifiedBy;
  // How it was checked and by whom, as far as it is known.
  const how = source
    ? by
      ? t("checkedHowBy", { source, by })
      : t("checkedHow", { source })
    : by;
  return (
    <>
      <span className="whitespace-nowrap">
        {date.format(new Date(listing.lastVerifiedAt))}
      </span>
      {how ? (
        <span className="block text-sm text-slate-600">
          {how}
        </span>
      ) : null}
    </>
  );
}
