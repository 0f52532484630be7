import { translationKey } from "@/lib/change-sets/document";

type Listing = { name: string; description: string; originalLanguage: string; translations: Record<string, string> };

/**
 * A listing's words as a reader of `locale` sees them: its name and description in that language
 * when they are translated, else as written; `descriptionLanguage` is the language the description
 * shown is in, and `original` says whether it is the original shown in another language (the page
 * then says so: "Original in French").
 */
export function listingIn(listing: Listing, locale: string) {
  const own = locale === listing.originalLanguage;
  const name = (!own && listing.translations[translationKey(locale, "name")]) || listing.name;
  const translated = own ? undefined : listing.translations[translationKey(locale, "description")];
  const description = translated ?? listing.description;
  return {
    name,
    description,
    descriptionLanguage: translated ? locale : listing.originalLanguage,
    original: !own && !translated && description !== "",
  };
}
