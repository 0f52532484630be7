import { maxQueryLength } from "@/lib/validation/search";
import { Button } from "@/components/ui/button";

/** A plain GET form: works without JavaScript. */
export function SearchForm({ defaultValue = "", autoFocus = false }: { defaultValue?: string; autoFocus?: boolean }) {
  return (
    <form action="/search" method="get" role="search" className="flex max-w-2xl gap-2">
      <label htmlFor="search-q" className="sr-only">
        Search organisations
      </label>
      <input
        id="search-q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={maxQueryLength}
        autoFocus={autoFocus}
        placeholder="Name, acronym or topic"
        className="min-w-0 flex-1 rounded-md border border-slate-400 px-3 py-2 text-base"
      />
      <Button type="submit">Search</Button>
    </form>
  );
}
