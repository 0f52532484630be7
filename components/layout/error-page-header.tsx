import { SiteHeader } from "@/components/layout/site-header";

/**
 * The site header for the forbidden and unauthorized fallbacks. With authInterrupts on, every
 * page's RSC payload carries both fallbacks (cached pages too). A server component: as a client
 * component it was one more script on every public page (3.8 KB gzipped) for the admin's 403;
 * its markup costs a page about 2.6 KB of payload, 34 bytes gzipped (docs/performance.md).
 */
export function ErrorPageHeader() {
  return <SiteHeader />;
}
