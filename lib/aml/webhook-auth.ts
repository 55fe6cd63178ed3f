// Authenticates a webhook delivery before its body is parsed: AMLYZE's X-Amlyze-Signature
// (sha256=<hex HMAC>, over the signing string of webhook-signing.ts, or over the body alone in
// structured mode), or a shared secret as a bearer token. The comparisons take the same time
// whatever the input (crypto.timingSafeEqual).
import crypto from "node:crypto";
import { isBinaryMode } from "./cloud-event";
import type { TAmlWebhookSettings } from "./settings";
import { hmacSha256, SIGNATURE_HEADER, webhookSigningString, type THeaderReader } from "./webhook-signing";

export type TWebhookAuthResult =
  | { ok: true }
  /** unsigned_attributes: a body-only signature on a binary-mode delivery, whose attributes it does not cover. */
  | { ok: false; reason: "not_configured" | "missing" | "malformed" | "mismatch" | "unsigned_attributes" };

function sameDigest(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function verifySignature(secret: string, headers: THeaderReader, body: Buffer): TWebhookAuthResult {
  const header = headers.get(SIGNATURE_HEADER);
  if (!header) return { ok: false, reason: "missing" };
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return { ok: false, reason: "malformed" };
  const given = Buffer.from(match[1]!, "hex");
  if (sameDigest(given, hmacSha256(secret, webhookSigningString(headers, body)))) return { ok: true };
  if (!sameDigest(given, hmacSha256(secret, body))) return { ok: false, reason: "mismatch" };
  // The body alone is signed: enough when the attributes are in it (structured mode), never when
  // they ride in headers anyone could rewrite (binary mode).
  return isBinaryMode(headers) ? { ok: false, reason: "unsigned_attributes" } : { ok: true };
}

export function verifyWebhook(settings: Pick<TAmlWebhookSettings, "secret" | "auth">, headers: THeaderReader, body: Buffer): TWebhookAuthResult {
  if (!settings.secret) return { ok: false, reason: "not_configured" };
  if (settings.auth === "hmac") return verifySignature(settings.secret, headers, body);
  const given = headers.get("authorization");
  if (!given) return { ok: false, reason: "missing" };
  const match = /^Bearer (.+)$/.exec(given);
  if (!match) return { ok: false, reason: "malformed" };
  // Hash both sides so the comparison does not reveal the secret's length either.
  const digest = (value: string) => crypto.createHash("sha256").update(value, "utf8").digest();
  return sameDigest(digest(match[1]!), digest(settings.secret)) ? { ok: true } : { ok: false, reason: "mismatch" };
}
