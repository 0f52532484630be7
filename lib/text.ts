const summaryLength = 240;

/** The first paragraph of a description, cut at a word near 240 characters. */
export function summarise(description: string): string {
  const first = description.split(/\n\s*\n/)[0]?.trim() ?? "";
  if (first.length <= summaryLength) return first;
  const cut = first.slice(0, summaryLength);
  const lastSpace = cut.lastIndexOf(" ");
  return `${cut.slice(0, lastSpace > 0 ? lastSpace : summaryLength)}…`;
}
