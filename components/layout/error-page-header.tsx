"use client";

import { SiteHeader } from "@/components/layout/site-header";

/**
 * The site header for the forbidden and unauthorized fallbacks. With authInterrupts on, every
 * page's RSC payload carries both fallbacks (cached pages too): as a client component the header
 * costs them a reference of a few bytes there instead of its markup, twice (docs/performance.md).
 */
export function ErrorPageHeader() {
  return <SiteHeader />;
}
