import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formCountries } from "@/components/organisation-form/form-texts";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable, Pager } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ExternalLink } from "@/components/ui/external-link";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { keysetLinks } from "@/components/ui/keyset-links";
import { Toast } from "@/components/ui/toast";
import { dismissDuplicate } from "@/lib/actions/duplicates";
import { proposeArchiving } from "@/lib/actions/organisations";
import { currentSession, requireRole } from "@/lib/auth/session";
import { duplicateReasons, lastDuplicateScan, listDuplicatePairs, maxGroup, type DuplicatePairItem, type PairOrganisation } from "@/lib/data/duplicates";
import { defaultLocale, intlLocale, type Locale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Duplicates" });
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type Texts = Awaited<ReturnType<typeof getTranslations<"Duplicates">>>;
type AdminTexts = Awaited<ReturnType<typeof getTranslations<"Admin">>>;

/** A screen reader's part of a button's name (the organisations it acts on). */
const hidden = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;

export default async function DuplicatesPage({ searchParams }: Props) {
  const session = await requireRole(["ADMIN", "EDITOR", "REVIEWER"], "/admin/duplicates");
  const locale = session.user.language ?? defaultLocale;
  const params = await searchParams;
  const reason = duplicateReasons.find((value) => value === params.reason);
  const [countries, t, admin] = await Promise.all([
    formCountries(locale),
    getTranslations({ locale, namespace: "Duplicates" }),
    getTranslations({ locale, namespace: "Admin" }),
  ]);
  const country = countries.find((candidate) => candidate.code === String(params.country ?? "").toUpperCase())?.code;
  const after = typeof params.after === "string" && /^[\w-]{1,2000}$/.test(params.after) ? params.after : undefined;
  const [{ pairs, next }, scan] = await Promise.all([listDuplicatePairs({ reason, country, after }), lastDuplicateScan()]);
  const countryNames = new Map(countries.map((candidate) => [candidate.code, candidate.name]));
  const filtered = reason !== undefined || country !== undefined;
  // English dates as the list has always shown them (3 Mar 2026, 14:05), other languages' own way.
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone: "UTC" });
  const time = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const shared = { countryNames, t, admin, locale };
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <Toast message={params.dismissed === "1" ? t("dismissed") : undefined} className="mt-4" />
      <p className="mt-2 max-w-3xl text-slate-700">{t("intro", { max: maxGroup })}</p>
      <p className="mt-2 text-sm text-slate-700">
        {t("refreshedNightly")} {scan ? t("lastRefreshed", { time: time.format(scan.finishedAt), count: scan.pairs }) : t("notRefreshed")}
      </p>
      <FilterBar label={t("filterLabel")} submit={admin("show")}>
        <FilterSelect
          name="reason"
          label={t("why")}
          value={reason}
          options={[{ value: "", label: t("anyReason") }, ...duplicateReasons.map((value) => ({ value, label: t("reason", { reason: value }) }))]}
        />
        <FilterSelect
          name="country"
          label={t("country")}
          value={country?.toLowerCase()}
          options={[{ value: "", label: t("everyCountry") }, ...countries.map((candidate) => ({ value: candidate.code.toLowerCase(), label: candidate.name }))]}
        />
      </FilterBar>
      <DataTable
        caption={t("caption", { further: after ? "true" : "false" })}
        rows={pairs}
        rowKey={(pair) => pair.id}
        empty={filtered ? <EmptyState title={t("emptyFiltered")} /> : <EmptyState title={after ? t("emptyMore") : t("empty")} />}
        columns={[
          { header: t("organisation"), cell: (pair) => <Organisation organisation={pair.organisations[0]} other={pair.organisations[1]} pair={pair} {...shared} /> },
          { header: t("sameAs"), cell: (pair) => <Organisation organisation={pair.organisations[1]} other={pair.organisations[0]} pair={pair} {...shared} /> },
          { header: t("why"), cell: (pair) => <Why pair={pair} t={t} /> },
          { header: t("found"), cell: (pair) => date.format(new Date(pair.foundAt)), className: "whitespace-nowrap" },
          { header: t("notSameQuestion"), cell: (pair) => <Dismiss pair={pair} view={{ reason, country: country?.toLowerCase(), after }} t={t} admin={admin} /> },
        ]}
      />
      <Pager label={admin("pages")} links={keysetLinks("/admin/duplicates", { reason, country: country?.toLowerCase(), after }, next, { first: admin("firstPage"), next: admin("nextPage") })} />
    </>
  );
}

/** What the two share, one line per reason. */
function reasonLines(pair: DuplicatePairItem, t: Texts): string[] {
  return pair.reasons.map((reason) => {
    if (reason === "domain") return t("websitesOn", { domain: pair.domain ?? "" });
    if (reason === "email") return t("bothList", { contact: pair.email ?? "" });
    if (reason === "phone") return t("bothList", { contact: pair.phone ?? "" });
    return pair.nameSimilarity !== null && pair.nameSimilarity >= 1 ? t("sameName") : t("similarNames", { percent: Math.round((pair.nameSimilarity ?? 0) * 100) });
  });
}

function Why({ pair, t }: { pair: DuplicatePairItem; t: Texts }) {
  return (
    <ul className="space-y-1">
      {reasonLines(pair, t).map((line) => (
        <li key={line} className="break-all">
          {line}
        </li>
      ))}
    </ul>
  );
}

type OrganisationProps = {
  organisation: PairOrganisation;
  other: PairOrganisation;
  pair: DuplicatePairItem;
  countryNames: Map<string, string>;
  t: Texts;
  admin: AdminTexts;
  /** The staff member's language, the page's. */
  locale: Locale;
};

function Organisation({ organisation, other, pair, countryNames, t, admin, locale }: OrganisationProps) {
  const { id, name } = organisation;
  return (
    <div className="space-y-1">
      <Link href={`/admin/organisations/${id}/edit`} className="font-medium text-brand-700 underline hover:no-underline">
        {name}
      </Link>
      <p className="text-slate-700">{organisation.countryCodes.map((code) => countryNames.get(code) ?? code).join(", ")}</p>
      {organisation.website ? (
        <p>
          <ExternalLink href={organisation.website} locale={locale}>
            {organisation.website}
          </ExternalLink>
        </p>
      ) : null}
      <ActionForm
        action={proposeArchiving}
        fields={{ organisationId: id, archive: "true", note: t("archiveNote", { name: other.name, reasons: reasonLines(pair, t).join("; ") }) }}
        submit={t.rich("proposeArchiving", { name, hidden })}
        pending={t("sending")}
        variant="secondary"
        confirmation={{
          title: t("archiveTitle", { name }),
          description: t("archiveDescription", { name, other: other.name }),
          confirm: t("archiveConfirm", { name }),
          cancel: admin("cancel"),
        }}
        className="pt-1"
      />
    </div>
  );
}

type View = { reason?: string; country?: string; after?: string };

function Dismiss({ pair, view, t, admin }: { pair: DuplicatePairItem; view: View; t: Texts; admin: AdminTexts }) {
  const [a, b] = pair.organisations;
  // The list's view goes along, so the action comes back to it.
  const fields = Object.fromEntries(Object.entries(view).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return (
    <ActionForm
      action={dismissDuplicate}
      fields={{ organisationId: a.id, otherId: b.id, ...fields }}
      submit={t.rich("notSame", { first: a.name, second: b.name, hidden })}
      pending={t("saving")}
      confirmation={{
        title: t("dismissTitle", { first: a.name, second: b.name }),
        description: t("dismissDescription"),
        confirm: t("dismissConfirm"),
        cancel: admin("cancel"),
        variant: "primary",
      }}
    />
  );
}
