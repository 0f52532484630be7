import slugify from "slugify";

const maxLength = 80;
/** A slug made from a name is at most 80 characters; one made unique gains a hyphen and a number. */
const longestSlug = maxLength + 21;

/** What a slug looks like: lower-case letters and digits in words joined by single hyphens. */
export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Whether a value can be a slug at all: anything else is looked up nowhere (it is a 404). */
export function isSlug(value: string): boolean {
  return value.length <= longestSlug && slugPattern.test(value);
}

/** A URL slug for a name: lower-case ASCII words joined by hyphens, at most 80 characters. */
export function slugFor(name: string): string {
  const slug = slugify(name, { lower: true, strict: true, locale: "en", trim: true });
  if (slug.length <= maxLength) return slug || "organisation";
  const cut = slug.slice(0, maxLength + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : maxLength);
}

/** The first of slug, slug-2, slug-3… that `taken` does not contain. */
export function uniqueSlug(name: string, taken: ReadonlySet<string>): string {
  const base = slugFor(name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}
