// The registrable domain of a website: what an organisation owns, whatever the subdomain or path
// (www.example.org, example.org/about and news.example.org are all example.org; a.example.co.uk is
// example.co.uk), by the public suffix list in tldts (its ICANN section: blogspot.com, github.io and
// the like count as one domain each, shared by everyone hosted there).
import { getDomain } from "tldts";

/**
 * Where many unrelated organisations have their pages: sharing one of these says nothing about
 * being the same organisation. (Larger groups are left out anyway, lib/data/duplicates.ts; this
 * list covers a small directory, where three Facebook pages would otherwise be a "group".)
 */
export const sharedPlatforms: ReadonlySet<string> = new Set([
  "blogspot.com",
  "canva.site",
  "facebook.com",
  "github.io",
  "google.com",
  "instagram.com",
  "jimdofree.com",
  "jimdosite.com",
  "linkedin.com",
  "linktr.ee",
  "medium.com",
  "squarespace.com",
  "substack.com",
  "t.me",
  "tumblr.com",
  "twitter.com",
  "webnode.page",
  "weebly.com",
  "wix.com",
  "wixsite.com",
  "wordpress.com",
  "x.com",
  "youtube.com",
]);

/** The registrable domain of a URL or host (lower case), or null for an IP address, a bare public suffix, or no host. */
export function registrableDomain(urlOrHost: string): string | null {
  const input = urlOrHost.trim();
  if (!input || input.length > 2000) return null;
  let host: string;
  try {
    // URL gives the host lower-cased, an international name in its ASCII form (xn--…).
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input.replace(/^\/\//, "")}`).hostname;
  } catch {
    return null;
  }
  return getDomain(host);
}

/** The registrable domain when sharing it says something: not one of the shared platforms. */
export function ownDomain(urlOrHost: string): string | null {
  const domain = registrableDomain(urlOrHost);
  return domain && !sharedPlatforms.has(domain) ? domain : null;
}
