// Turns a rejected fetch into "certainly not sent" or "may have reached the server".
// The distinction decides whether a non-idempotent call (core_product) may be retried, so
// anything not positively known to fail before the request left us is "unknown".

import type { TReason } from "@/lib/reasons/reason";

export type TFailedOutcome = { kind: "not_sent"; reason: TReason } | { kind: "unknown"; reason: TReason };

/**
 * Error codes raised before a single byte of the request can have left this process: no
 * connection was established (refused, unresolvable host, no route, connect timeout) or the
 * TLS handshake refused the peer (the HTTP request is only written after the handshake).
 * Their words are the UI's (messages: reasons.errno).
 */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_NONAME",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_INVALID_URL",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
]);

/** undici refuses these before connecting; they carry no code, only a message. */
const NOT_SENT_MESSAGES: Record<string, TReason> = { "bad port": { code: "net.port_blocked" }, "unknown scheme": { code: "net.unknown_scheme" } };

const UNKNOWN_CODES: ReadonlySet<string> = new Set(["ECONNRESET", "UND_ERR_SOCKET", "EPIPE", "ETIMEDOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

type TErrorLike = { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };

const asErrorLike = (value: unknown): TErrorLike | undefined =>
  typeof value === "object" && value !== null ? (value as TErrorLike) : undefined;
const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** A connect attempt over several addresses (happy eyeballs) fails with an AggregateError. */
function notSentReason(err: TErrorLike): TReason | undefined {
  const code = str(err.code);
  if (code && NOT_SENT_CODES.has(code)) return { code: "net.errno", errno: code };
  const message = str(err.message);
  if (!code && message && NOT_SENT_MESSAGES[message]) return NOT_SENT_MESSAGES[message];
  if (Array.isArray(err.errors) && err.errors.length > 0) {
    const reasons = err.errors.map((inner) => notSentReason(asErrorLike(inner) ?? {}));
    if (reasons.every((reason) => reason !== undefined)) return reasons[0];
  }
  return undefined;
}

/**
 * `secrets` are scrubbed from the reason: reasons are codes, but an unexpected error text could
 * still echo a header or URL, and reasons end up stored and logged.
 */
export function classifyFetchError(error: unknown, timeoutMs: number, secrets: readonly string[] = []): TFailedOutcome {
  const scrub = (text: string) => secrets.reduce((acc, secret) => (secret ? acc.split(secret).join("[redacted]") : acc), text);
  const err = asErrorLike(error) ?? {};
  if (err.name === "TimeoutError") return { kind: "unknown", reason: { code: "net.timeout", ms: timeoutMs } };
  if (err.name === "AbortError") return { kind: "unknown", reason: { code: "net.aborted" } };

  const cause = asErrorLike(err.cause);
  const notSent = (cause && notSentReason(cause)) ?? notSentReason(err);
  if (notSent) return { kind: "not_sent", reason: notSent };

  const code = str(cause?.code) ?? str(err.code);
  if (code && UNKNOWN_CODES.has(code)) return { kind: "unknown", reason: { code: "net.errno", errno: code } };
  const detail = code ?? str(cause?.message) ?? str(err.message) ?? "no detail";
  return { kind: "unknown", reason: { code: "net.error", detail: scrub(detail) } };
}
