import "server-only";
import { env } from "@/lib/env";
import { clientAddress, parseTrustedProxies, type TTrustedProxies } from "./client-address";

/**
 * The socket's address, written into every request by scripts/web-server.mjs (replacing whatever
 * the caller sent under that name): Next.js gives route handlers and actions no socket.
 */
export const PEER_HEADER = "x-console-peer";

let cached: { spec: string | undefined; proxies: TTrustedProxies } | undefined;

function trustedProxies(): TTrustedProxies {
  const spec = env().TRUSTED_PROXIES;
  if (!cached || cached.spec !== spec) cached = { spec, proxies: parseTrustedProxies(spec) };
  return cached.proxies;
}

/**
 * The caller's address (lib/http/client-address.ts), or null when unknown. The peer header is read
 * only under the console's web server, which sets CONSOLE_PEER_HEADER: under `next dev` or a bare
 * `next start` anyone could send it.
 */
export function requestAddress(header: (name: string) => string | readonly string[] | null | undefined): string | null {
  const stamped = process.env.CONSOLE_PEER_HEADER === "1" ? header(PEER_HEADER) : null;
  const peer = typeof stamped === "string" ? stamped : null;
  return clientAddress(peer, header("x-forwarded-for"), trustedProxies());
}
