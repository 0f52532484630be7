import type { MetadataRoute } from "next";
import { appUrl } from "@/lib/env";
import { locales } from "@/lib/i18n/locales";

export default function robots(): MetadataRoute.Robots {
  return {
    // Search result pages in every language: rendered per request, and endless.
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/api/", ...locales.map((locale) => `/${locale}/search`)] },
    sitemap: `${appUrl()}/sitemap.xml`,
  };
}
