// The security headers of every class of path, in one place: next.config.js sets the static ones,
// proxy.ts the per-request nonce policy of dynamic pages. Plain JavaScript so that next.config.js
// can import it. Reasoning in docs/security.md.

const dev = process.env.NODE_ENV === "development";
// React uses eval only in development, to rebuild server error stacks.
const devEval = dev ? " 'unsafe-eval'" : "";

/** @param {Record<string, string>} directives */
const serialise = (directives) =>
  Object.entries(directives)
    .map(([name, value]) => (value ? `${name} ${value}` : name))
    .join("; ");

/** @param {boolean} https */
const common = (https) => ({
  "default-src": "'self'",
  // No `data:` images outside development (nothing here uses them): a header value holding a
  // colon is compiled as a path template by Next on every response (next.config.js headers), 5%
  // of the time it took to serve a cached page (docs/performance.md).
  "img-src": dev ? "'self' data:" : "'self'",
  "font-src": "'self'",
  "connect-src": "'self'",
  "object-src": "'none'",
  "base-uri": "'none'",
  "frame-ancestors": "'none'",
  "form-action": "'self'",
  ...(https ? { "upgrade-insecure-requests": "" } : {}),
});

/**
 * Dynamic pages (admin, sign-in, set-password, search, public forms): scripts and styles only with this
 * request's nonce; 'strict-dynamic' lets those scripts load Next's chunks.
 * @param {string} nonce
 * @param {boolean} https
 */
export function dynamicPagePolicy(nonce, https) {
  return serialise({
    ...common(https),
    "script-src": `'self' 'nonce-${nonce}' 'strict-dynamic'${devEval}`,
    "style-src": dev ? "'self' 'unsafe-inline'" : `'self' 'nonce-${nonce}'`,
  });
}

/**
 * ISR pages are rendered once and served to everyone, so they cannot carry a per-request nonce:
 * scripts from this origin plus the inline scripts Next writes into the page (its RSC payload).
 * No styles inline, no other origin, nothing framed, no plugins, no <base>.
 * @param {boolean} https
 */
export function staticPagePolicy(https) {
  return serialise({
    ...common(https),
    "script-src": `'self' 'unsafe-inline'${devEval}`,
    "style-src": dev ? "'self' 'unsafe-inline'" : "'self'",
  });
}

/** JSON and XML from route handlers are never rendered as documents with scripts. */
export const apiPolicy = serialise({ "default-src": "'none'", "frame-ancestors": "'none'", "base-uri": "'none'", "form-action": "'none'" });

/**
 * The pages that are dynamic and get proxy.ts's nonce policy, as a regular expression for the
 * path without its leading slash. proxy.ts's matcher lists the same paths (a matcher has to be
 * a literal); e2e/security-headers.spec.ts checks that every class gets exactly one policy.
 */
export const dynamicPagePattern = "admin(?:/|$)|login$|set-password/|[a-z]{2}/(?:search$|confirm/|suggest$|organisations/[^/]+/suggest$)";

/** Headers for every response, whatever the path. @param {boolean} https */
export function commonHeaders(https) {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
    { key: "X-Frame-Options", value: "DENY" },
    ...(https ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
