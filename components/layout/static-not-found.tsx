import { notFound } from "next/navigation";
import { Suspense } from "react";
import { NotFoundContent } from "@/components/layout/not-found-content";
import type { Locale } from "@/lib/i18n/locales";

function Missing(): never {
  notFound();
}

/**
 * What a statically rendered (ISR) public page returns for an address with nothing behind it,
 * instead of calling notFound() itself.
 *
 * React's server renderer has no error boundaries: notFound() thrown outside a Suspense boundary
 * fails the whole document, and Next answers 404 with an empty `<html id="__next_error__">`
 * (no `lang`, no header, blank without JavaScript) that only the browser fills in. Thrown inside
 * one, a prerender keeps the page around it (root and public layouts: header, footer), puts the
 * fallback in the boundary's place and still answers 404 with `noindex`. In the browser the
 * boundary renders again, the same notFound() reaches Next's not-found boundary, and
 * (public)/[locale]/not-found.tsx shows the same content.
 *
 * Only in prerendered pages: a page rendered per request has sent its 200 by then.
 */
export function StaticNotFound({ locale }: { locale: Locale }) {
  return (
    <Suspense fallback={<NotFoundContent locale={locale} />}>
      <Missing />
    </Suspense>
  );
}
