import type { Metadata } from "next";
import Link from "next/link";
import { AskedStatus } from "@/components/confirmations/asked-status";
import { LinkProblems } from "@/components/links/link-verdict";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable, Pager } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { keysetLinks } from "@/components/ui/keyset-links";
import { requestConfirmationAction, requestDueConfirmationsAction } from "@/lib/actions/confirmations";
import { verifyOrganisation } from "@/lib/actions/organisations";
import { requireRole } from "@/lib/auth/session";
import { latestConfirmations, withEmail } from "@/lib/data/confirmations";
import { listCountries } from "@/lib/data/countries";
import { linkProblemsOf } from "@/lib/data/links";
import { listDueForChecking, type DueListing } from "@/lib/data/verification";
import { serverEnv } from "@/lib/env";
import type { OrganisationKind } from "@/lib/generated/prisma/enums";
import { organisationKindLabels } from "@/lib/validation/labels";

export const metadata: Metadata = {
  title: "Due for checking",
  robots: { index: false },
};

type Props = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const date = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeZone: "UTC",
});
const sourceLabels = {
  STAFF: "staff check",
  ORGANISATION: "the organisation confirmed",
  IMPORT: "import",
} as const;

export default async function DueForCheckingPage({ searchParams }: Props) {
  await requireRole(["ADMIN", "EDITOR", "REVIEWER"], "/admin/due");
  const params = await searchParams;
  const countries = await listCountries();
  const country = countries.find(
    (candidate) =>
      candidate.code === String(params.country ?? "").toUpperCase(),
  )?.code;
  const kind = Object.keys(organisationKindLabels).find(
    (value) => value === params.kind,
  ) as OrganisationKind | undefined;
  const after = typeof params.after === "string" ? params.after : undefined;
  const { listings, next } = await listDueForChecking({
    country,
    kind,
    cursor: after,
  });
  const ids = listings.map((listing) => listing.id);
  const [links, confirmations, reachable] = await Promise.all([linkProblemsOf(ids), latestConfirmations(ids), withEmail(ids)]);
  const filtered = country !== undefined || kind !== undefined;
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Due for checking</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        A listing is due for checking {serverEnv().VERIFICATION_INTERVAL_MONTHS}{" "}
        months after it was last checked, or after it was added when it never
        was. Overdue listings come first, the longest overdue at the top, then
        those due soonest. Check a listing against its sources, then mark it
        checked, or ask the organisation to confirm it by e-mail.
      </p>
      <FilterBar label="Filter listings">
        <FilterSelect
          name="country"
          label="Country"
          value={country?.toLowerCase()}
          options={[
            { value: "", label: "Every country" },
            ...countries.map((candidate) => ({
              value: candidate.code.toLowerCase(),
              label: candidate.name,
            })),
          ]}
        />
        <FilterSelect
          name="kind"
          label="Kind"
          value={kind}
          options={[
            { value: "", label: "Every kind" },
            ...Object.entries(organisationKindLabels).map(([value, label]) => ({
              value,
              label,
            })),
          ]}
        />
      </FilterBar>
      {listings.some((listing) => listing.overdue) ? (
        <ActionForm
          className="mt-4"
          action={requestDueConfirmationsAction}
          fields={{ country: country ?? "", kind: kind ?? "", scope: "overdue" }}
          submit={filtered ? "Ask the overdue listings of this list to confirm" : "Ask every overdue listing to confirm"}
          pending="Queueing…"
          confirmation={{
            title: filtered ? "E-mail the overdue listings of this list?" : "E-mail every overdue listing?",
            description:
              "Each organisation with an e-mail address gets a message asking it to confirm its listing, with a link valid for 30 days. Listings asked in the last 30 days, and addresses that unsubscribed or bounced, are left out.",
            confirm: "Send the requests",
          }}
        />
      ) : null}
      <DataTable
        caption="Published listings, overdue first (dates in UTC)"
        rows={listings}
        rowKey={(listing) => listing.id}
        empty={
          <EmptyState
            title={
              filtered
                ? "No published listing matches these filters."
                : after
                  ? "No more listings."
                  : "No published listing yet."
            }
          >
            {filtered ? "Choose another country or kind." : null}
          </EmptyState>
        }
        columns={[
          {
            header: "Listing",
            cell: (listing) => (
              <>
                <Link
                  href={`/admin/organisations/${listing.id}/edit`}
                  className="text-brand-700 underline"
                >
                  {listing.name}
                </Link>
                <span className="block text-sm text-slate-600">
                  {organisationKindLabels[listing.kind]} ·{" "}
                  {listing.countryCodes.join(", ")}
                </span>
                <LinkProblems links={links.get(listing.id)} />
              </>
            ),
          },
          {
            header: "Last checked",
            cell: (listing) => <LastChecked listing={listing} />,
          },
          {
            header: "Due",
            cell: (listing) => (
              <span
                className={
                  listing.overdue ? "font-semibold text-red-800" : undefined
                }
              >
                {listing.overdue ? "Overdue since " : ""}
                {date.format(new Date(listing.dueAt))}
              </span>
            ),
            className: "whitespace-nowrap",
          },
          {
            header: "Asked to confirm",
            cell: (listing) => <AskedStatus status={confirmations.get(listing.id)} hasEmail={reachable.has(listing.id)} />,
          },
          {
            header: "Action",
            cell: (listing) => (
              <div className="flex flex-col gap-2">
                <ActionForm
                  action={verifyOrganisation}
                  fields={{ organisationId: listing.id }}
                  submit={
                    <>
                      Mark checked<span className="sr-only"> {listing.name}</span>
                    </>
                  }
                  pending="Saving…"
                />
                {reachable.has(listing.id) ? (
                  <ActionForm
                    action={requestConfirmationAction}
                    fields={{ organisationId: listing.id }}
                    submit={
                      <>
                        Ask the organisation<span className="sr-only"> {listing.name}</span>
                      </>
                    }
                    pending="Queueing…"
                  />
                ) : null}
              </div>
            ),
          },
        ]}
      />
      <Pager
        links={keysetLinks(
          "/admin/due",
          { country: country?.toLowerCase(), kind, after },
          next,
        )}
      />
    </>
  );
}

function LastChecked({ listing }: { listing: DueListing }) {
  if (!listing.lastVerifiedAt)
    return <span className="text-slate-600">Never</span>;
  const how = listing.lastVerifiedSource
    ? sourceLabels[listing.lastVerifiedSource]
    : null;
  return (
    <>
      <span className="whitespace-nowrap">
        {date.format(new Date(listing.lastVerifiedAt))}
      </span>
      {how || listing.lastVerifiedBy ? (
        <span className="block text-sm text-slate-600">
          {[how, listing.lastVerifiedBy].filter(Boolean).join(", ")}
        </span>
      ) : null}
    </>
  );
}
