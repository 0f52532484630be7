// @ts-check
// A page rendered per request that calls notFound(), forbidden() or unauthorized(), or fails,
// before it has streamed anything gets from Next 16 an empty document, `<html id="__next_error__">` with an
// empty body, that Next's client script renders from scratch (createRoot, not hydration): blank
// without JavaScript, and without `lang`. server.js puts the page's message into that body, so the
// answer reads as a whole page without JavaScript; with it, React replaces the body as before.
// The contact with Next (the marker, Next's client rendering that document afresh) is in
// lib/next-internals.js, checked against the installed Next by its test.
import zlib from "node:zlib";
import { errorShellMarker, rscHeader } from "./next-internals.js";

/** @typedef {{ title: string; message: string; href: string; link: string }} ErrorPageText */

/** @type {Record<number, ErrorPageText>} */
const pages = {
  401: { title: "Please sign in", message: "This page is for the directory's staff.", href: "/login", link: "Sign in" },
  403: {
    title: "You do not have access to this page",
    message: "Your role does not allow this. Ask an administrator if you need it.",
    href: "/admin",
    link: "Back to the dashboard",
  },
  404: { title: "Page not found", message: "There is no page at this address.", href: "/", link: "Go to the directory's home page" },
  500: {
    title: "Something went wrong",
    message: "This page could not be shown. Try again in a moment; if it keeps failing, tell an administrator.",
    href: "/",
    link: "Go to the directory's home page",
  },
};

/**
 * The document with the page's message in its body and `lang` on it, or null when it is not
 * Next's empty error document or the status has no page here.
 * @param {string} html
 * @param {number} status
 */
export function fillErrorShell(html, status) {
  const page = pages[status];
  if (!page || !html.includes(errorShellMarker) || !html.includes("<body>")) return null;
  const content =
    `<header><p><a href="/">PROVA directory</a></p></header>` +
    `<main id="main"><h1>${page.title}</h1><p>${page.message}</p><p><a href="${page.href}">${page.link}</a></p></main>`;
  return html
    .replace(errorShellMarker, '<html id="__next_error__" lang="en">')
    .replace(/<title>[^<]*<\/title>/, `<title>${page.title} · PROVA directory</title>`)
    .replace("<body>", `<body>${content}`);
}

/** @type {Record<string, { decode: (body: Buffer) => Buffer; encode: (body: Buffer) => Buffer }>} */
const codings = {
  identity: { decode: (body) => body, encode: (body) => body },
  gzip: { decode: (body) => zlib.gunzipSync(body), encode: (body) => zlib.gzipSync(body) },
  deflate: { decode: (body) => zlib.inflateSync(body), encode: (body) => zlib.deflateSync(body) },
  br: { decode: (body) => zlib.brotliDecompressSync(body), encode: (body) => zlib.brotliCompressSync(body) },
};

/**
 * Whether an answer to this request could be such a document: a GET of a page (not the API, not
 * Next's assets, not an RSC request, which answers with a payload, not HTML).
 * @param {import("node:http").IncomingMessage} req
 */
function mayBeErrorShell(req) {
  const url = req.url ?? "/";
  return req.method === "GET" && !url.startsWith("/api/") && !url.startsWith("/_next/") && req.headers[rscHeader] === undefined;
}

/**
 * Holds back the answer to `req` while it may be an error document (a 401, 403, 404 or 500 in HTML),
 * and fills it in before it goes out; any other answer passes at once, untouched.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
export function fillErrorShells(req, res) {
  if (!mayBeErrorShell(req)) return;
  const { writeHead, write, end } = res;
  /** @type {any[] | null} the arguments of the first writeHead, held back */
  let head = null;
  /** @type {"undecided" | "pass" | "hold"} */
  let mode = "undecided";
  /** @type {Buffer[]} */
  const chunks = [];

  const decide = () => {
    if (mode !== "undecided") return;
    const headers = head?.find((arg) => typeof arg === "object" && arg !== null && !Array.isArray(arg)) ?? {};
    const type = String(res.getHeader("content-type") ?? headers["content-type"] ?? headers["Content-Type"] ?? "");
    const coding = String(res.getHeader("content-encoding") ?? "identity");
    mode = pages[res.statusCode] && type.startsWith("text/html") && coding in codings ? "hold" : "pass";
    if (mode === "pass" && head) writeHead.apply(res, /** @type {any} */ (head));
  };
  /** @param {unknown} chunk @param {unknown} encoding */
  const collect = (chunk, encoding) => {
    if (chunk == null || typeof chunk === "function") return;
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };

  // The wrappers stay in place once decided (Next's compression wraps them in turn), passing
  // everything through unless the answer is held.
  res.writeHead = /** @type {any} */ (
    function (/** @type {any[]} */ ...args) {
      if (mode === "pass") return writeHead.apply(res, /** @type {any} */ (args));
      // Next's compression calls this before every write until the headers are out: keep the first.
      if (!head) {
        head = args;
        if (typeof args[0] === "number") res.statusCode = args[0];
      }
      return res;
    }
  );
  res.write = /** @type {any} */ (
    function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {any[]} */ ...rest) {
      decide();
      if (mode === "pass") return write.call(res, /** @type {any} */ (chunk), /** @type {any} */ (encoding), ...rest);
      collect(chunk, encoding);
      return true;
    }
  );
  res.end = /** @type {any} */ (
    function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {any[]} */ ...rest) {
      decide();
      if (mode === "pass") return end.call(res, /** @type {any} */ (chunk), /** @type {any} */ (encoding), ...rest);
      collect(chunk, encoding);
      mode = "pass";
      const coding = codings[String(res.getHeader("content-encoding") ?? "identity")];
      /** @type {Buffer} */
      let body = Buffer.concat(chunks);
      try {
        const filled = fillErrorShell(coding.decode(body).toString("utf8"), res.statusCode);
        if (filled !== null) body = coding.encode(Buffer.from(filled, "utf8"));
      } catch (error) {
        console.error("[error-shell] could not fill in an error page:", error);
      }
      const headers = head?.find((arg) => typeof arg === "object" && arg !== null && !Array.isArray(arg));
      if (headers) for (const name of Object.keys(headers)) if (name.toLowerCase() === "content-length") delete headers[name];
      res.removeHeader("transfer-encoding");
      res.setHeader("content-length", body.length);
      if (head) writeHead.apply(res, /** @type {any} */ (head));
      return /** @type {any} */ (end).call(res, body);
    }
  );
}
