// The languages of the directory, first the default: on their own, so that client components
// (the editor's translations) can list them without bringing next-intl into the browser.
export const locales = ["en", "fr", "nl", "de", "it", "es", "ro"] as const;
