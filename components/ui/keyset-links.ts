/** A list's filters as they stand in its URL: true becomes "1"; false, empty and missing are left out. */
export type ListParams = Record<string, string | boolean | null | undefined>;

/** The query string of a list view (without "?"): only the values that filter something. */
export function listQuery(params: ListParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === true) query.set(key, "1");
    else if (typeof value === "string" && value) query.set(key, value);
  }
  return query.toString();
}

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

/**
 * The page links of a keyset list: its first page (shown on any further page) and the next one
 * (when the data layer returned a cursor). Both keep the filters; `after` is the cursor's name.
 * `labels` in the reader's language (messages' Admin.firstPage and Admin.nextPage).
 */
export function keysetLinks(
  path: string,
  params: ListParams,
  next: string | null | undefined,
  labels: { first: string; next: string } = { first: "First page", next: "Next page" },
): { label: string; href: string }[] {
  const { after, ...filters } = params;
  const links = [];
  if (after) links.push({ label: labels.first, href: withQuery(path, listQuery(filters)) });
  if (next) links.push({ label: labels.next, href: withQuery(path, listQuery({ ...filters, after: next })) });
  return links;
}
