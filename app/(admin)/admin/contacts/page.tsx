import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable, Pager } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar, FilterInput } from "@/components/ui/filter-bar";
import { keysetLinks } from "@/components/ui/keyset-links";
import { currentSession, requireUser } from "@/lib/auth/session";
import { listContactsForAdmin } from "@/lib/data/admin-contacts";
import { defaultLocale } from "@/lib/i18n/locales";
import { cleanQuery } from "@/lib/validation/search";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: (await currentSession())?.user.language ?? defaultLocale, namespace: "Contacts" });
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.slice(0, 500);

export default async function ContactsPage({ searchParams }: Props) {
  const session = await requireUser();
  const locale = session.user.language ?? defaultLocale;
  const params = await searchParams;
  const q = cleanQuery(first(params.q) ?? "");
  const after = first(params.after);
  const [{ items, next }, t, admin, types] = await Promise.all([
    listContactsForAdmin({ q, after }),
    getTranslations({ locale, namespace: "Contacts" }),
    getTranslations({ locale, namespace: "Admin" }),
    getTranslations({ locale, namespace: "ContactTypes" }),
  ]);
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      <FilterBar label={t("searchLabel")} submit={t("search")}>
        <FilterInput name="q" label={t("contains")} value={q} placeholder={t("placeholder")} className="w-72" />
      </FilterBar>
      <DataTable
        caption={t("caption")}
        rows={items}
        rowKey={(item) => item.id}
        empty={<EmptyState title={q ? t("noMatch", { q }) : t("empty")} />}
        columns={[
          {
            header: t("contact"),
            cell: (item) => (
              <>
                {item.value}
                {item.label ? <span className="text-slate-600"> ({item.label})</span> : null}
              </>
            ),
            className: "break-all whitespace-pre-line",
          },
          { header: t("kind"), cell: (item) => types(item.type) },
          {
            header: t("organisation"),
            cell: (item) => (
              <Link href={`/admin/organisations/${item.organisationId}/edit`} className="text-brand-700 underline hover:no-underline">
                {item.organisationName}
              </Link>
            ),
          },
        ]}
      />
      <Pager label={admin("pages")} links={keysetLinks("/admin/contacts", { q, after }, next, { first: admin("firstPage"), next: admin("nextPage") })} />
    </>
  );
}
