import Link from "next/link";

export type FacetOption = {
  value: string;
  label: string;
  count: number | null;
  href: string;
  current: boolean;
};

/**
 * One facet of the search page: a heading, a way back to "all" when one is chosen, the options.
 * Not prefetched: each option is another search, and a page lists up to fifty of them.
 */
export function FacetList({
  title,
  allLabel,
  allHref,
  options,
}: {
  title: string;
  allLabel: string;
  allHref: string | null;
  options: FacetOption[];
}) {
  return (
    <>
      <h2 className="mt-4 font-semibold first:mt-0">{title}</h2>
      <ul className="mt-2 space-y-1">
        {allHref ? (
          <li>
            <Link href={allHref} prefetch={false} className="text-brand-700 underline">
              {allLabel}
            </Link>
          </li>
        ) : null}
        {options.map((option) => (
          <li key={option.value}>
            <Link
              href={option.href}
              prefetch={false}
              aria-current={option.current ? "true" : undefined}
              className="text-brand-700 underline aria-[current]:font-bold aria-[current]:no-underline"
            >
              {option.label}
              {option.count === null ? null : ` (${option.count})`}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
