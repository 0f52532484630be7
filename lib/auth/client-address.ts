import { clientAddressHeader } from "@/lib/security/request-facts";

/** Set by server.js, which decides every request's client address before the app sees it. */
const edgeMark = Symbol.for("prova.edge");

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

/**
 * The client address of a request, as server.js decided it (lib/security/request-facts.js): the
 * one place the app learns it. Without server.js in front (`next dev`, or `next start` run by
 * hand) nobody decided it, and a header of that name would be the client's own: "unknown".
 */
export function clientAddressOf(headers: HeaderSource): string {
  if (!(globalThis as Record<symbol, unknown>)[edgeMark] || !headers) return "unknown";
  const value = headers instanceof Headers ? headers.get(clientAddressHeader) : headers[clientAddressHeader];
  return (Array.isArray(value) ? value[0] : value) || "unknown";
}
