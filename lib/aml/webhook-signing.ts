// The one definition of what AMLYZE's webhook signature covers, used by the console's verifier
// (webhook-auth.ts) and by the sandbox AMLYZE that sends events (sandbox/amlyze/webhook.ts), so
// the two cannot drift. It depends on nothing but node:crypto, so the sandbox can share it.
//
// In binary mode an event's attributes travel in ce-* headers: a signature over the body alone
// would let anyone who captured one delivery re-send its data under another id, subject, type or
// time (every no-hit screening has the same data). The signing string therefore holds the
// attribute headers, in a fixed order, then the body:
//
//   amlyze-webhook-v1\n
//   content-type:<value>\n
//   ce-specversion:<value>\n
//   ce-id:<value>\n
//   ce-source:<value>\n
//   ce-type:<value>\n
//   ce-subject:<value>\n
//   ce-time:<value>\n
//   \n
//   <the raw body>
//
// each value exactly as sent (still percent-encoded), empty when the header is absent. Header
// values cannot hold a line break, so no value can pose as another line, and the first line keeps
// this string from ever equalling a JSON body (the structured form's body-only signature).
import crypto from "node:crypto";

export const SIGNATURE_HEADER = "X-Amlyze-Signature";
export const SIGNING_STRING_VERSION = "amlyze-webhook-v1";

/** The headers the signature covers, in this order: binary mode's attributes and the data's type. */
export const SIGNED_HEADERS = ["content-type", "ce-specversion", "ce-id", "ce-source", "ce-type", "ce-subject", "ce-time"] as const;

/** Reads a header by name, whatever its case (Web `Headers`, or an adapter over node's). */
export type THeaderReader = { get(name: string): string | null };

const bytes = (body: Buffer | string) => (typeof body === "string" ? Buffer.from(body, "utf8") : body);

export function webhookSigningString(headers: THeaderReader, body: Buffer | string): Buffer {
  const lines = SIGNED_HEADERS.map((name) => `${name}:${headers.get(name) ?? ""}\n`).join("");
  return Buffer.concat([Buffer.from(`${SIGNING_STRING_VERSION}\n${lines}\n`, "utf8"), bytes(body)]);
}

export const hmacSha256 = (secret: string, data: Buffer | string) => crypto.createHmac("sha256", secret).update(bytes(data)).digest();

/** The X-Amlyze-Signature value for a delivery with these headers and body (any mode). */
export function signWebhook(secret: string, headers: THeaderReader, body: Buffer | string): string {
  return `sha256=${hmacSha256(secret, webhookSigningString(headers, body)).toString("hex")}`;
}

/**
 * The body-only form, for senders that cannot sign headers. Accepted in structured mode only,
 * where every attribute is inside the body.
 */
export function signWebhookBody(secret: string, body: Buffer | string): string {
  return `sha256=${hmacSha256(secret, body).toString("hex")}`;
}
