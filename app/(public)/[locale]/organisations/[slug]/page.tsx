import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { StaticNotFound } from "@/components/layout/static-not-found";
import { OrganisationArticle } from "@/components/organisation/organisation-article";
import { getOrganisationPage } from "@/lib/data/organisations";
import { appUrl } from "@/lib/env";
import { countryNameIn, languageAlternates, localePath, type Locale } from "@/lib/i18n/locales";
import { listingIn } from "@/lib/i18n/listing";
import { summarise } from "@/lib/text";

export const revalidate = 3600;

type Props = { params: Promise<{ locale: Locale; slug: string }> };

// Rendered on first request, then served from the ISR cache; a million pages are not prerendered.
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const found = await getOrganisationPage(slug);
  if (!found || !("organisation" in found)) return { title: (await getTranslations({ locale, namespace: "NotFound" }))("title") };
  const { organisation } = found;
  const [t, kind] = await Promise.all([getTranslations({ locale, namespace: "Organisation" }), getTranslations({ locale, namespace: "Kinds" })]);
  const shown = listingIn(organisation, locale);
  const title = organisation.acronym ? `${shown.name} (${organisation.acronym})` : shown.name;
  const countries = organisation.countries.map((country) => countryNameIn(locale, country.code, country.name)).join(", ");
  const description = summarise(shown.description) || t("description", { kind: kind(organisation.kind), countries });
  const path = `/organisations/${organisation.slug}`;
  const url = `${appUrl()}${localePath(locale, path)}`;
  return { title, description, alternates: { canonical: url, languages: languageAlternates(path, appUrl()) }, openGraph: { title, description, url, type: "website" } };
}

export default async function OrganisationPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const found = await getOrganisationPage(slug);
  // An old address of a renamed organisation answers with a permanent redirect (308).
  if (found && "movedTo" in found) permanentRedirect(localePath(locale, `/organisations/${found.movedTo}`));
  if (!found) return <StaticNotFound locale={locale} />;
  const { organisation } = found;
  return <OrganisationArticle organisation={organisation} locale={locale} pageUrl={`${appUrl()}${localePath(locale, `/organisations/${organisation.slug}`)}`} />;
}
