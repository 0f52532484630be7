// Which targets the link checker may connect to. A listed website must not be able to make the
// server fetch its own network, so every hop's address is vetted before a socket is opened.
import { lookup } from "node:dns/promises";
import type { LookupAddress } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/** A target the checker will not touch; the message says why. */
export class RefusedError extends Error {}

// Cloud metadata services hand out credentials: never reachable, whatever LINK_CHECK_ALLOWED_HOSTS
// says. AWS/GCP/Azure/OpenStack 169.254.169.254, AWS IPv6 fd00:ec2::254, Alibaba 100.100.100.200,
// Azure's WireServer 168.63.129.16 (a public-looking address only reachable from inside Azure).
const METADATA_ADDRESSES = ["169.254.169.254", "fd00:ec2::254", "100.100.100.200", "168.63.129.16"].map((a) => ipaddr.parse(a).toString());
const METADATA_NAMES = new Set(["metadata.google.internal"]);

const RANGE_LABELS: Record<string, string> = {
  private: "private network",
  uniqueLocal: "private network",
  linkLocal: "link-local",
  carrierGradeNat: "carrier-grade NAT",
};

const NAT64 = ipaddr.parseCIDR("64:ff9b::/96");

/** A URL's host as compared with the allow-list: lower case, no IPv6 brackets, no final dot. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
}

/**
 * Why an address is not on the public internet ("loopback", "private", "cloud metadata", …), or
 * null when it is an ordinary public unicast address. Only `unicast` passes: ipaddr.js names
 * every special range (RFC 1918, fc00::/7, link-local, CGNAT, multicast, reserved, 6to4, …).
 */
export function addressRisk(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  let ip = ipaddr.parse(address);
  // ::ffff:10.0.0.1 and NAT64's 64:ff9b::10.0.0.1 reach the IPv4 address they carry.
  if (ip.kind() === "ipv6") {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) ip = v6.toIPv4Address();
    else if (v6.match(NAT64)) ip = ipaddr.fromByteArray(v6.toByteArray().slice(12));
  }
  if (METADATA_ADDRESSES.includes(ip.toString())) return "cloud metadata";
  const range = ip.range();
  return range === "unicast" ? null : range;
}

/**
 * Checks the URL's scheme and resolves its host once, refusing (RefusedError) unless every
 * address is public, or private but the host is in `allowedHosts`. The caller connects to the
 * returned addresses only, so a second DNS answer cannot swap in another one (DNS rebinding).
 * A name that does not exist rejects with node's ENOTFOUND.
 */
export async function vetTarget(url: URL, allowedHosts: ReadonlySet<string>): Promise<LookupAddress[]> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new RefusedError(`scheme ${url.protocol} is not http or https`);
  }
  const host = normalizeHost(url.hostname);
  if (METADATA_NAMES.has(host)) throw new RefusedError(`${host} is a cloud metadata service`);
  const family = isIP(host);
  const addresses = family ? [{ address: host, family }] : await lookup(host, { all: true });
  for (const { address } of addresses) {
    const risk = addressRisk(address);
    if (risk === null || (risk !== "cloud metadata" && allowedHosts.has(host))) continue;
    const subject = family ? `${address} is` : `${host} resolves to ${address},`;
    throw new RefusedError(`${subject} not a public address (${RANGE_LABELS[risk] ?? risk})`);
  }
  return addresses;
}
