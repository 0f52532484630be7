// The page size and the cap on counted matches, shared by the statement and its caller.

export const pageSize = 20;

/**
 * Past this many matches a search stops counting and ranks only a first set of candidates (plus
 * every exact name or acronym match): common words match a large share of a million
 * organisations, and ranking or counting all of them cannot be fast. The page says so. Each step
 * down (1,000, 200, 100) cut the time of searches for common words at a million rows by about
 * as much as it cut the candidates (docs/performance.md); five pages of twenty remain.
 */
export const matchCap = 100;
