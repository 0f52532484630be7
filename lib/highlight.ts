// Marks the words of a search query inside a text, ignoring case and accents
// ("resilience" marks "Résilience"). Returns segments to render; React escapes them.
export type Segment = { text: string; match: boolean };

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export function queryTerms(query: string): string[] {
  const terms = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length >= 2);
  // Longest first, so that "allo-tolerance" is not cut short by "allo".
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

// The terms of the last query: a results page highlights sixty texts with one query.
let last: { query: string; terms: string[] } | null = null;

/**
 * The text folded for matching, and where each folded character came from in it (null when the
 * text is ASCII: the same place). Folding character by character is for accented text only: a
 * results page highlights sixty texts, mostly ASCII.
 */
function foldWithOrigin(text: string): { folded: string; origin: number[] | null } {
  if (/^[\x00-\x7f]*$/.test(text)) return { folded: text.toLowerCase(), origin: null };
  let folded = "";
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    const f = char.length === 1 && char.charCodeAt(0) < 0x80 ? char.toLowerCase() : fold(char);
    for (let i = 0; i < f.length; i++) origin.push(offset);
    folded += f;
    offset += char.length;
  }
  return { folded, origin };
}

export function highlight(text: string, query: string): Segment[] {
  if (last?.query !== query) last = { query, terms: queryTerms(query) };
  const { terms } = last;
  if (!terms.length || !text) return text ? [{ text, match: false }] : [];
  const { folded, origin } = foldWithOrigin(text);
  const at = (index: number) => (origin === null ? index : index < origin.length ? origin[index] : text.length);
  const marked = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    for (let found = folded.indexOf(term); found !== -1; found = folded.indexOf(term, found + term.length)) {
      const end = at(found + term.length);
      for (let i = at(found); i < end; i++) marked[i] = true;
    }
  }
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; ) {
    let j = i;
    while (j < text.length && marked[j] === marked[i]) j++;
    segments.push({ text: text.slice(i, j), match: marked[i] });
    i = j;
  }
  return segments;
}
