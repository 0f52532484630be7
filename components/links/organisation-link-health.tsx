import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LinkProblems } from "@/components/links/link-verdict";
import { ActionForm } from "@/components/ui/action-form";
import { draftLinkChange } from "@/lib/actions/links";
import type { LinkState } from "@/lib/data/links";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";

/** On an organisation's edit page: what the link checker found wrong with its links, and a draft for a moved one. */
export async function OrganisationLinkHealth({ organisationId, links, locale = defaultLocale }: { organisationId: string; links: LinkState[] | undefined; locale?: Locale }) {
  if (!links?.length) return null;
  const t = await getTranslations({ locale, namespace: "Links" });
  return (
    <section aria-labelledby="link-health-heading" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="link-health-heading" className="font-semibold">
        {t("title")}
      </h2>
      <LinkProblems links={links} detailed locale={locale} />
      {links
        .filter((link) => link.verdict === "moved" && link.suggestedUrl)
        .map((link) => (
          <ActionForm
            key={link.url}
            action={draftLinkChange}
            fields={{ organisationId, url: link.url }}
            submit={t("draftTo", { url: link.suggestedUrl ?? "" })}
            pending={t("drafting")}
            className="mt-2"
          />
        ))}
      <p className="mt-2 text-sm">
        <Link href="/admin/links" className="text-brand-700 underline">
          {t("everyProblemLink")}
        </Link>
      </p>
    </section>
  );
}
