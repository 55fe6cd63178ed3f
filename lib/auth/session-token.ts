// The session cookie is a JWE that next-auth decrypts under a key it derives from the secret with
// HKDF on every call. Every page request reads it twice (proxy.ts, then the page's
// getCurrentUser) and an open queue polls with the same cookie every few seconds, so each token
// is decoded once per process and its payload kept until the token expires. Whether the session
// still counts is not cached: the database decides that on every request (disabled flag, role,
// session epoch; see current-user.ts).
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/** Tokens kept per process; the oldest is dropped first. */
const MAX_TOKENS = 5_000;
/** next-auth's own leeway on `exp`. */
const CLOCK_TOLERANCE_S = 15;

const decoded = new Map<string, { secret: JWTDecodeParams["secret"]; payload: JWT }>();

function unexpired(payload: JWT, nowS: number): boolean {
  return typeof payload.exp === "number" && payload.exp > nowS - CLOCK_TOLERANCE_S;
}

/**
 * next-auth's `decode`, remembered per token. A token that fails to decode is never remembered;
 * a remembered one is dropped once it expires or the secret changes.
 */
export async function decodeSessionToken(params: JWTDecodeParams, now = Date.now()): Promise<JWT | null> {
  const { token, secret } = params;
  if (!token) return null;
  const nowS = Math.floor(now / 1000);
  const hit = decoded.get(token);
  if (hit) {
    if (hit.secret === secret && unexpired(hit.payload, nowS)) return hit.payload;
    decoded.delete(token);
  }
  const payload = await decode(params);
  if (!payload || !unexpired(payload, nowS)) return payload;
  if (decoded.size >= MAX_TOKENS) decoded.delete(decoded.keys().next().value!);
  // Shared by every request that carries the token: nobody may change it.
  decoded.set(token, { secret, payload: Object.freeze(payload) });
  return payload;
}

/** Forgets every remembered token (tests). */
export function forgetSessionTokens(): void {
  decoded.clear();
}
