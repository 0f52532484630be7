// @ts-check
// Answers given before any page renders (a method a path does not take, a refused cross-site post,
// the database away): a whole document with the site's header, a message and a way back, readable
// without JavaScript or styles, or JSON for the API. Plain JavaScript: server.js uses it too.

/** The policy of these documents: nothing but themselves. */
export const plainPagePolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** @param {string} text */
const escape = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * @typedef {{ status: number; title: string; message: string; headers?: Record<string, string> }} PlainAnswer
 * @typedef {{ status: number; headers: Record<string, string>; body: string }} PlainParts
 */

/**
 * The status, headers and body of an answer to `pathname`: JSON under /api/, HTML elsewhere.
 * @param {string} pathname
 * @param {PlainAnswer} answer
 * @returns {PlainParts}
 */
export function plainParts(pathname, { status, title, message, headers = {} }) {
  const common = { "cache-control": "no-store", "content-security-policy": plainPagePolicy, ...headers };
  if (pathname.startsWith("/api/")) {
    // The open-data API is readable from any origin, its refusals too (lib/api/http.ts).
    /** @type {Record<string, string>} */
    const cors = pathname.startsWith("/api/v1/") ? { "access-control-allow-origin": "*" } : {};
    return { status, headers: { "content-type": "application/json", ...cors, ...common }, body: JSON.stringify({ error: { message } }) };
  }
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} · PROVA directory</title></head>
<body><header><p><a href="/">PROVA directory</a></p></header>
<main><h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="/">Back to the home page</a></p></main></body></html>`;
  return { status, headers: { "content-type": "text/html; charset=utf-8", ...common }, body };
}

/**
 * The same as a fetch Response (for proxy.ts).
 * @param {string} pathname
 * @param {PlainAnswer} answer
 */
export function plainAnswer(pathname, answer) {
  const { status, headers, body } = plainParts(pathname, answer);
  return new Response(body, { status, headers });
}
