import { fileURLToPath } from "node:url";
import createNextIntlPlugin from "next-intl/plugin";
import { apiPolicy, commonHeaders, dynamicPagePattern, staticPagePolicy } from "./lib/security/headers.js";

const https = (process.env.APP_URL ?? "").startsWith("https://");

// Every path that is neither an API route, a Next asset nor a dynamic page (those get their
// nonce policy from proxy.ts): one Content-Security-Policy per response.
const excluded = `api/|_next/|${dynamicPagePattern}`;

// Several instances share their ISR cache in Redis (lib/cache-handler.js, README "Running several
// instances"); one instance keeps Next's own (lib/local-cache-handler.js). Both tell the front cache
// in front of Next (server.js) of invalidations. Read when the server starts, so one build
// serves with or without Redis.
const handler = (name) => fileURLToPath(new URL(`./lib/${name}`, import.meta.url));
const cache = process.env.REDIS_URL
  ? { cacheHandler: handler("cache-handler.js"), cacheMaxMemorySize: 0 }
  : { cacheHandler: handler("local-cache-handler.js") };

/** @type {import('next').NextConfig} */
const nextConfig = {
  ...cache,
  // Instances built separately must agree on these (static asset URLs, client navigations, the
  // keys of the shared cache): set DEPLOYMENT_ID to the same value for every build and start.
  deploymentId: process.env.DEPLOYMENT_ID || undefined,
  generateBuildId: async () => process.env.DEPLOYMENT_ID || null,
  async headers() {
    const csp = (value) => [{ key: "Content-Security-Policy", value }];
    return [
      { source: "/:path*", headers: commonHeaders(https) },
      { source: "/", headers: csp(staticPagePolicy(https)) },
      { source: `/:path((?!${excluded}).+)`, headers: csp(staticPagePolicy(https)) },
      { source: "/api/:path*", headers: csp(apiPolicy) },
    ];
  },
  // The public pages' addresses before they had a language (/organisations/x): permanently the
  // English page (/en/organisations/x), query included. The bare `/` chooses by Accept-Language (proxy.ts).
  async redirects() {
    return ["/organisations/:path*", "/countries/:path*", "/search", "/suggest/:path*", "/confirm/:path*"].map((source) => ({
      source,
      destination: `/en${source}`,
      permanent: true,
    }));
  },
  // Tests build into their own directory, so a test build never replaces the one `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests included) with tsc; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a 403. Case-sensitive routes: header sources are
  // otherwise matched without case and the proxy matcher with it, and `/ADMIN` would get no policy.
  experimental: { authInterrupts: true, caseSensitiveRoutes: true },
  // Packages with native code or WebAssembly stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "exceljs"],
};

// next-intl finds each request's messages through i18n/request.ts.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
