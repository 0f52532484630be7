import { SiteHeader } from "@/components/layout/site-header";

/**
 * The site header for the forbidden and unauthorized fallbacks. With authInterrupts on, every
 * page's RSC payload carries both fallbacks (cached pages too). A server component: as a client
 * component it would be one more script on every public page (3.8 KB gzipped) that only the
 * admin's 403 needs; its markup, four times in each payload, costs a page about 4.4 KB of HTML
 * and 43 bytes gzipped (docs/performance.md, "Weight of a public page").
 */
export function ErrorPageHeader() {
  return <SiteHeader />;
}
