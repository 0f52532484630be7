import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable, Pager } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ExternalLink } from "@/components/ui/external-link";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { keysetLinks } from "@/components/ui/keyset-links";
import { Toast } from "@/components/ui/toast";
import { dismissDuplicate } from "@/lib/actions/duplicates";
import { proposeArchiving } from "@/lib/actions/organisations";
import { requireRole } from "@/lib/auth/session";
import { listCountries } from "@/lib/data/countries";
import { duplicateReasons, lastDuplicateScan, listDuplicatePairs, maxGroup, type DuplicatePairItem, type PairOrganisation } from "@/lib/data/duplicates";

export const metadata: Metadata = { title: "Likely duplicates", robots: { index: false } };

const reasonLabels = { domain: "Same website domain", email: "Same e-mail address", phone: "Same phone number", name: "Similar names" } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function DuplicatesPage({ searchParams }: Props) {
  await requireRole(["ADMIN", "EDITOR", "REVIEWER"], "/admin/duplicates");
  const params = await searchParams;
  const reason = duplicateReasons.find((value) => value === params.reason);
  const countries = await listCountries();
  const country = countries.find((candidate) => candidate.code === String(params.country ?? "").toUpperCase())?.code;
  const after = typeof params.after === "string" && /^[\w-]{1,2000}$/.test(params.after) ? params.after : undefined;
  const [{ pairs, next }, scan] = await Promise.all([listDuplicatePairs({ reason, country, after }), lastDuplicateScan()]);
  const countryNames = new Map(countries.map((candidate) => [candidate.code, candidate.name]));
  const filtered = reason !== undefined || country !== undefined;
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">Likely duplicates</h1>
      <Toast message={params.dismissed === "1" ? "Marked as not the same: the pair will not be listed again." : undefined} className="mt-4" />
      <p className="mt-2 max-w-3xl text-slate-700">
        Published organisations that are probably the same: websites on the same domain, the same e-mail address or phone number, or very similar
        names in a country both work in. A domain, address, number or name that more than {maxGroup} organisations share (a hosting platform, a
        ministry&apos;s switchboard, a common name) is not counted. Archiving one of a pair goes to review like any other change.
      </p>
      <p className="mt-2 text-sm text-slate-700">
        The list is refreshed every night.{" "}
        {scan ? `Last refreshed ${time.format(scan.finishedAt)} (UTC), ${scan.pairs.toLocaleString("en-GB")} pairs found.` : "It has not been refreshed yet."}
      </p>
      <FilterBar label="Filter likely duplicates">
        <FilterSelect name="reason" label="Why" value={reason} options={[{ value: "", label: "Any reason" }, ...duplicateReasons.map((value) => ({ value, label: reasonLabels[value] }))]} />
        <FilterSelect
          name="country"
          label="Country"
          value={country?.toLowerCase()}
          options={[{ value: "", label: "Every country" }, ...countries.map((candidate) => ({ value: candidate.code.toLowerCase(), label: candidate.name }))]}
        />
      </FilterBar>
      <DataTable
        caption={`Likely duplicates, newest first${after ? " (a further page)" : ""}`}
        rows={pairs}
        rowKey={(pair) => pair.id}
        empty={
          filtered ? (
            <EmptyState title="No likely duplicates match these filters." />
          ) : (
            <EmptyState title={after ? "No more likely duplicates." : "No likely duplicates found. The list is refreshed every night."} />
          )
        }
        columns={[
          { header: "Organisation", cell: (pair) => <Organisation organisation={pair.organisations[0]} other={pair.organisations[1]} pair={pair} countryNames={countryNames} /> },
          { header: "Probably the same as", cell: (pair) => <Organisation organisation={pair.organisations[1]} other={pair.organisations[0]} pair={pair} countryNames={countryNames} /> },
          { header: "Why", cell: (pair) => <Why pair={pair} /> },
          { header: "Found", cell: (pair) => date.format(new Date(pair.foundAt)), className: "whitespace-nowrap" },
          { header: "Not the same?", cell: (pair) => <Dismiss pair={pair} view={{ reason, country: country?.toLowerCase(), after }} /> },
        ]}
      />
      <Pager links={keysetLinks("/admin/duplicates", { reason, country: country?.toLowerCase(), after }, next)} />
    </>
  );
}

/** What the two share, one line per reason. */
function reasonLines(pair: DuplicatePairItem): string[] {
  return pair.reasons.map((reason) => {
    if (reason === "domain") return `Websites on ${pair.domain}`;
    if (reason === "email") return `Both list ${pair.email}`;
    if (reason === "phone") return `Both list ${pair.phone}`;
    return pair.nameSimilarity !== null && pair.nameSimilarity >= 1 ? "The same name" : `Similar names (${Math.round((pair.nameSimilarity ?? 0) * 100)}% alike)`;
  });
}

function Why({ pair }: { pair: DuplicatePairItem }) {
  return (
    <ul className="space-y-1">
      {reasonLines(pair).map((line) => (
        <li key={line} className="break-all">
          {line}
        </li>
      ))}
    </ul>
  );
}

type OrganisationProps = { organisation: PairOrganisation; other: PairOrganisation; pair: DuplicatePairItem; countryNames: Map<string, string> };

function Organisation({ organisation, other, pair, countryNames }: OrganisationProps) {
  const { id, name } = organisation;
  return (
    <div className="space-y-1">
      <Link href={`/admin/organisations/${id}/edit`} className="font-medium text-brand-700 underline hover:no-underline">
        {name}
      </Link>
      <p className="text-slate-700">{organisation.countryCodes.map((code) => countryNames.get(code) ?? code).join(", ")}</p>
      {organisation.website ? (
        <p>
          <ExternalLink href={organisation.website}>{organisation.website}</ExternalLink>
        </p>
      ) : null}
      <ActionForm
        action={proposeArchiving}
        fields={{ organisationId: id, archive: "true", note: `Probably the same as ${other.name} (${reasonLines(pair).join("; ")}).` }}
        submit={
          <>
            Propose archiving<span className="sr-only"> {name}</span>
          </>
        }
        pending="Sending…"
        variant="secondary"
        confirmation={{
          title: `Propose archiving ${name}?`,
          description: `It is probably the same as ${other.name}. Once a reviewer approves, ${name} disappears from the public directory.`,
          confirm: `Propose archiving ${name}`,
        }}
        className="pt-1"
      />
    </div>
  );
}

type View = { reason?: string; country?: string; after?: string };

function Dismiss({ pair, view }: { pair: DuplicatePairItem; view: View }) {
  const [a, b] = pair.organisations;
  // The list's view goes along, so the action comes back to it.
  const fields = Object.fromEntries(Object.entries(view).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return (
    <ActionForm
      action={dismissDuplicate}
      fields={{ organisationId: a.id, otherId: b.id, ...fields }}
      submit={
        <>
          Not the same<span className="sr-only"> ({a.name} and {b.name})</span>
        </>
      }
      pending="Saving…"
      confirmation={{
        title: `Mark ${a.name} and ${b.name} as not the same?`,
        description: "The pair leaves this list, and later refreshes will not list it again.",
        confirm: "Mark as not the same",
        variant: "primary",
      }}
    />
  );
}
