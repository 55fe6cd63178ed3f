// Authenticates a webhook delivery before its body is parsed: an HMAC-SHA256 of the exact raw
// bytes (AMLYZE's X-Amlyze-Signature: sha256=<hex>), or a shared secret as a bearer token.
// Both comparisons take the same time whatever the input (crypto.timingSafeEqual).
import crypto from "node:crypto";
import type { TAmlWebhookSettings } from "./settings";

export const SIGNATURE_HEADER = "x-amlyze-signature";

export type TWebhookAuthResult = { ok: true } | { ok: false; reason: "not_configured" | "missing" | "malformed" | "mismatch" };

/** The header value AMLYZE sends for `body` (also used by tests and the bench). */
export function signWebhookBody(secret: string, body: Buffer | string): string {
  return `sha256=${crypto.createHmac("sha256", secret).update(body).digest("hex")}`;
}

function sameDigest(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function verifyWebhook(settings: TAmlWebhookSettings, headers: { get(name: string): string | null }, body: Buffer): TWebhookAuthResult {
  if (!settings.secret) return { ok: false, reason: "not_configured" };
  if (settings.auth === "bearer") {
    const given = headers.get("authorization");
    if (!given) return { ok: false, reason: "missing" };
    const match = /^Bearer (.+)$/.exec(given);
    if (!match) return { ok: false, reason: "malformed" };
    // Hash both sides so the comparison does not reveal the secret's length either.
    const digest = (value: string) => crypto.createHash("sha256").update(value, "utf8").digest();
    return sameDigest(digest(match[1]!), digest(settings.secret)) ? { ok: true } : { ok: false, reason: "mismatch" };
  }
  const header = headers.get(SIGNATURE_HEADER);
  if (!header) return { ok: false, reason: "missing" };
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return { ok: false, reason: "malformed" };
  const expected = crypto.createHmac("sha256", settings.secret).update(body).digest();
  return sameDigest(Buffer.from(match[1]!, "hex"), expected) ? { ok: true } : { ok: false, reason: "mismatch" };
}
