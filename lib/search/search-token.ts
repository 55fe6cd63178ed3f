// A queue search travels in the URL as an opaque, short-lived token instead of its text: the text
// may be a full document number, and URLs end up in browser history, proxy and server logs and
// Referer headers. The token is the search sealed (AES-256-GCM) under a key derived from
// AUTH_SECRET, bound to the user who made it and expiring after SEARCH_TOKEN_TTL_MS; nothing is
// stored on the server.
import "server-only";
import crypto from "node:crypto";
import { env } from "@/lib/env";

export const SEARCH_TOKEN_TTL_MS = 30 * 60_000;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The secret (AUTH_SECRET unless given) and the clock, for tests. */
export type TSearchTokenOptions = { secret?: string; now?: number };

const key = (secret = env().AUTH_SECRET) => Buffer.from(crypto.hkdfSync("sha256", secret, "", "enrollment-console/search-token", 32));

/** The search `q` made by `userId`, as a token for the URL. */
export function sealSearch(q: string, userId: string, options: TSearchTokenOptions = {}): string {
  const now = options.now ?? Date.now();
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(options.secret), iv);
  cipher.setAAD(Buffer.from(userId));
  const data = Buffer.concat([cipher.update(JSON.stringify({ q, e: now + SEARCH_TOKEN_TTL_MS }), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64url");
}

/** The search behind a token, or null when it is malformed, another user's, or expired. */
export function openSearch(token: string | undefined, userId: string, options: TSearchTokenOptions = {}): string | null {
  if (!token) return null;
  const now = options.now ?? Date.now();
  try {
    const raw = Buffer.from(token, "base64url");
    if (raw.length <= IV_BYTES + TAG_BYTES) return null;
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(options.secret), raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    const parsed = JSON.parse(text) as { q?: unknown; e?: unknown };
    if (typeof parsed.q !== "string" || typeof parsed.e !== "number" || parsed.e < now) return null;
    return parsed.q;
  } catch {
    return null;
  }
}
