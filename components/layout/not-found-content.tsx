import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localePath, type Locale } from "@/lib/i18n/locales";

/**
 * "Page not found" in a language: the one given, or (inside the public layout, which has set it)
 * the page's. Outside the public layout, a locale must be given: asking next-intl for the page's
 * language there reads the request's headers, which a statically rendered page cannot.
 */
export async function NotFoundContent({ locale: given }: { locale?: Locale }) {
  const locale = given ?? (await getLocale());
  const t = await getTranslations({ locale, namespace: "NotFound" });
  return (
    <>
      <h1 className="text-3xl font-bold text-brand-900">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("text")}</p>
      <p className="mt-6">
        {t.rich("links", {
          home: (chunks) => (
            <Link href={localePath(locale, "/")} className="text-brand-700 underline hover:no-underline">
              {chunks}
            </Link>
          ),
          search: (chunks) => (
            <Link href={localePath(locale, "/search")} className="text-brand-700 underline hover:no-underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </>
  );
}
