// Who is calling. X-Forwarded-For is whatever the caller wrote, unless a proxy we run appended it:
// so the header is read only from the right, and only while the hop that handed the request over
// is a configured proxy (TRUSTED_PROXIES). With none configured the socket's address counts and the
// header is ignored: a new forged address per guess must not buy a fresh login count.
import { BlockList, isIP } from "node:net";

/** The proxies whose X-Forwarded-For entries are believed. */
export type TTrustedProxies = BlockList;

/** `::ffff:10.0.0.1` (how node reports IPv4 on a dual-stack socket) is 10.0.0.1. */
function normalise(address: string): string {
  const trimmed = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(trimmed) ? trimmed.slice(7) : trimmed;
}

function family(address: string): "ipv4" | "ipv6" | null {
  const version = isIP(address);
  return version === 4 ? "ipv4" : version === 6 ? "ipv6" : null;
}

/**
 * Parses TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (`10.0.0.0/8, ::1`).
 * Throws naming the entry it cannot read.
 */
export function parseTrustedProxies(spec: string | undefined): TTrustedProxies {
  const list = new BlockList();
  for (const entry of (spec ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
    const [address = "", prefix] = entry.split("/");
    const kind = family(normalise(address));
    const bits = prefix === undefined ? undefined : Number(prefix);
    if (!kind || (bits !== undefined && (!Number.isInteger(bits) || bits < 0 || bits > (kind === "ipv4" ? 32 : 128)))) {
      throw new Error(`not an address or CIDR range: "${entry}"`);
    }
    if (bits === undefined) list.addAddress(normalise(address), kind);
    else list.addSubnet(normalise(address), bits, kind);
  }
  return list;
}

function trusted(proxies: TTrustedProxies, address: string): boolean {
  const kind = family(address);
  return kind !== null && proxies.check(address, kind);
}

/**
 * The caller's address: the socket's peer, or, while that hop is a trusted proxy, the entry it
 * appended to X-Forwarded-For, and so on leftwards. Null when the peer is unknown.
 */
export function clientAddress(peer: string | null | undefined, forwardedFor: string | readonly string[] | null | undefined, proxies: TTrustedProxies): string | null {
  if (!peer) return null;
  let address = normalise(peer);
  const header = typeof forwardedFor === "string" ? forwardedFor : (forwardedFor ?? []).join(",");
  const hops = header.split(",").map(normalise).filter(Boolean);
  while (trusted(proxies, address) && hops.length > 0) {
    const next = hops.pop()!;
    // A trusted proxy appends an address; anything else was written by whoever called it.
    if (!family(next)) break;
    address = next;
  }
  return address;
}
