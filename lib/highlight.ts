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

export function highlight(text: string, query: string): Segment[] {
  const terms = queryTerms(query);
  if (!terms.length || !text) return text ? [{ text, match: false }] : [];
  // Fold character by character, remembering where each folded character came from.
  let folded = "";
  const origin: number[] = [];
  Array.from(text).reduce((offset, char) => {
    const f = fold(char);
    for (let i = 0; i < f.length; i++) origin.push(offset);
    folded += f;
    return offset + char.length;
  }, 0);
  const marked = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
      const start = origin[at];
      const end = at + term.length < origin.length ? origin[at + term.length] : text.length;
      for (let i = start; i < end; i++) marked[i] = true;
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
