import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { DataTable, Pager } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterCheckbox, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { keysetLinks } from "@/components/ui/keyset-links";
import { formCountries } from "@/components/organisation-form/form-texts";
import { currentSession, requireUser } from "@/lib/auth/session";
import { listOrganisationsForAdmin } from "@/lib/data/admin-organisations";
import { serverEnv } from "@/lib/env";
import { linkProblemsOf } from "@/lib/data/links";
import { LinkProblems } from "@/components/links/link-verdict";
import { OrganisationKind } from "@/lib/generated/prisma/enums";
import { defaultLocale, intlLocale } from "@/lib/i18n/locales";
import { adminListSchema } from "@/lib/validation/admin-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Organisations" });
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrganisationsPage({ searchParams }: Props) {
  const session = await requireUser();
  const locale = session.user.language ?? defaultLocale;
  // The URL holds the filters: a view can be shared and survives a reload. Bad values are ignored.
  const filters = adminListSchema.parse(await searchParams);
  const [{ items, next }, countries, t, admin, kinds] = await Promise.all([
    listOrganisationsForAdmin(filters),
    formCountries(locale),
    getTranslations({ locale, namespace: "Organisations" }),
    getTranslations({ locale, namespace: "Admin" }),
    getTranslations({ locale, namespace: "Kinds" }),
  ]);
  const linkProblems = await linkProblemsOf(items.map((item) => item.id));
  // English days as the list has always shown them (3 Mar 2026), other languages' own way.
  const date = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone: "UTC" });
  const any = { value: "", label: t("any") };
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
        <Link href="/admin/organisations/new" className={buttonClass("primary")}>
          {t("newOrganisation")}
        </Link>
      </div>
      <FilterBar label={t("filterLabel")} submit={admin("show")}>
        <FilterInput name="q" label={t("search")} value={filters.q} placeholder={t("searchPlaceholder")} />
        <FilterSelect name="country" label={t("country")} value={filters.country} options={[any, ...countries.map((country) => ({ value: country.code.toLowerCase(), label: country.name }))]} />
        <FilterSelect name="kind" label={t("kind")} value={filters.kind} options={[any, ...Object.values(OrganisationKind).map((value) => ({ value, label: kinds(value) }))]} />
        <FilterSelect
          name="status"
          label={t("status")}
          value={filters.status}
          options={[any, { value: "PUBLISHED", label: t("published") }, { value: "ARCHIVED", label: t("archived") }]}
        />
        <FilterSelect
          name="sort"
          label={t("order")}
          value={filters.sort}
          options={[
            { value: "name", label: t("byName") },
            { value: "updated", label: t("recentFirst") },
          ]}
        />
        <div className="flex flex-col gap-1">
          <FilterCheckbox name="pending" label={t("pendingFilter")} checked={filters.pending} />
          <FilterCheckbox name="unverified" label={t("unverifiedFilter", { months: serverEnv().VERIFICATION_INTERVAL_MONTHS })} checked={filters.unverified} />
        </div>
      </FilterBar>
      <DataTable
        caption={t("caption", { further: filters.after ? "true" : "false" })}
        rows={items}
        rowKey={(item) => item.id}
        empty={<EmptyState title={t("empty")} />}
        columns={[
          {
            header: t("name"),
            cell: (item) => (
              <>
                <Link href={`/admin/organisations/${item.id}/edit`} className="font-medium text-brand-700 underline hover:no-underline">
                  {item.name}
                  {item.acronym ? ` (${item.acronym})` : ""}
                </Link>
                {item.pending ? <span className="ml-2 rounded bg-amber-100 px-2 text-amber-900">{t("pendingBadge")}</span> : null}
                <LinkProblems links={linkProblems.get(item.id)} locale={locale} />
              </>
            ),
          },
          { header: t("kind"), cell: (item) => kinds(item.kind) },
          { header: t("countries"), cell: (item) => item.countryCodes.join(", ") },
          { header: t("status"), cell: (item) => (item.status === "ARCHIVED" ? t("archived") : t("published")) },
          { header: t("changed"), cell: (item) => date.format(item.updatedAt), className: "whitespace-nowrap" },
          { header: t("verified"), cell: (item) => (item.lastVerifiedAt ? date.format(item.lastVerifiedAt) : t("never")), className: "whitespace-nowrap" },
        ]}
      />
      <Pager label={admin("pages")} links={keysetLinks("/admin/organisations", filters, next, { first: admin("firstPage"), next: admin("nextPage") })} />
    </>
  );
}
