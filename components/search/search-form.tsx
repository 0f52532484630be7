import { getTranslations } from "next-intl/server";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { maxQueryLength } from "@/lib/validation/search";
import { Button } from "@/components/ui/button";

/** A plain GET form: works without JavaScript. */
export async function SearchForm({ locale, defaultValue = "", autoFocus = false }: { locale: Locale; defaultValue?: string; autoFocus?: boolean }) {
  const t = await getTranslations({ locale, namespace: "Search" });
  return (
    <form action={localePath(locale, "/search")} method="get" role="search" className="flex max-w-2xl gap-2">
      <label htmlFor="search-q" className="sr-only">
        {t("label")}
      </label>
      <input
        id="search-q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={maxQueryLength}
        autoFocus={autoFocus}
        placeholder={t("placeholder")}
        className="min-w-0 flex-1 rounded-md border border-slate-400 px-3 py-2 text-base"
      />
      <Button type="submit">{t("submit")}</Button>
    </form>
  );
}
