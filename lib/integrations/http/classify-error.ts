// Turns a rejected fetch into "certainly not sent" or "may have reached the server".
// The distinction decides whether a non-idempotent call (core_product) may be retried, so
// anything not positively known to fail before the request left us is "unknown".

export type TFailedOutcome = { kind: "not_sent"; reason: string } | { kind: "unknown"; reason: string };

/**
 * Error codes raised before a single byte of the request can have left this process: no
 * connection was established (refused, unresolvable host, no route, connect timeout) or the
 * TLS handshake refused the peer (the HTTP request is only written after the handshake).
 */
const NOT_SENT_CODES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "DNS lookup failed",
  EAI_NONAME: "host not found",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  UND_ERR_CONNECT_TIMEOUT: "connect timeout",
  ERR_INVALID_URL: "invalid URL",
  ERR_TLS_CERT_ALTNAME_INVALID: "TLS certificate does not match the host",
  CERT_HAS_EXPIRED: "TLS certificate expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "self-signed TLS certificate",
  SELF_SIGNED_CERT_IN_CHAIN: "self-signed TLS certificate in chain",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "TLS certificate cannot be verified",
};

/** undici refuses these before connecting; they carry no code, only a message. */
const NOT_SENT_MESSAGES: Record<string, string> = { "bad port": "port blocked by fetch", "unknown scheme": "unsupported URL scheme" };

const UNKNOWN_CODES: Record<string, string> = {
  ECONNRESET: "connection reset",
  UND_ERR_SOCKET: "connection closed by the server",
  EPIPE: "connection broken while sending",
  ETIMEDOUT: "socket timeout",
  UND_ERR_HEADERS_TIMEOUT: "no response headers in time",
  UND_ERR_BODY_TIMEOUT: "response body stalled",
};

type TErrorLike = { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };

const asErrorLike = (value: unknown): TErrorLike | undefined =>
  typeof value === "object" && value !== null ? (value as TErrorLike) : undefined;
const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** A connect attempt over several addresses (happy eyeballs) fails with an AggregateError. */
function notSentReason(err: TErrorLike): string | undefined {
  const code = str(err.code);
  if (code && NOT_SENT_CODES[code]) return `${NOT_SENT_CODES[code]} (${code})`;
  const message = str(err.message);
  if (!code && message && NOT_SENT_MESSAGES[message]) return NOT_SENT_MESSAGES[message];
  if (Array.isArray(err.errors) && err.errors.length > 0) {
    const reasons = err.errors.map((inner) => notSentReason(asErrorLike(inner) ?? {}));
    if (reasons.every((reason) => reason !== undefined)) return reasons[0];
  }
  return undefined;
}

/**
 * `secrets` are scrubbed from the reason: messages are built from codes, but an unexpected
 * error text could still echo a header or URL, and reasons end up stored and logged.
 */
export function classifyFetchError(error: unknown, timeoutMs: number, secrets: readonly string[] = []): TFailedOutcome {
  const scrub = (text: string) => secrets.reduce((acc, secret) => (secret ? acc.split(secret).join("[redacted]") : acc), text);
  const err = asErrorLike(error) ?? {};
  if (err.name === "TimeoutError") return { kind: "unknown", reason: `timeout after ${timeoutMs} ms` };
  if (err.name === "AbortError") return { kind: "unknown", reason: "aborted by the caller" };

  const cause = asErrorLike(err.cause);
  const notSent = (cause && notSentReason(cause)) ?? notSentReason(err);
  if (notSent) return { kind: "not_sent", reason: notSent };

  const code = str(cause?.code) ?? str(err.code);
  if (code && UNKNOWN_CODES[code]) return { kind: "unknown", reason: `${UNKNOWN_CODES[code]} (${code})` };
  const detail = code ?? str(cause?.message) ?? str(err.message) ?? "no detail";
  return { kind: "unknown", reason: scrub(`network error: ${detail}`) };
}
