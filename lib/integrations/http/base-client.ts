// The shared HTTP base of every outbound client: POST exact JSON bytes, with auth and a
// timeout, and report what happened without ever throwing for a network or HTTP problem.
// The caller stores the exchange (CONTRACTS §5), so it carries the bytes sent, never secrets.
import { logger as defaultLogger } from "@/lib/logger";
import type { TReason } from "@/lib/reasons/reason";
import { classifyFetchError } from "./classify-error";
import { IntegrationError } from "./errors";

export type TAuth =
  | { kind: "none" }
  | { kind: "basic"; username: string; password: string }
  | { kind: "bearer"; token: string };

export type TOutcome =
  /** The server answered; `json` is undefined when the body is not valid JSON. */
  | { kind: "response"; status: number; rawBody: string; json: unknown }
  /** The request certainly never reached the server: safe to send again, even if not idempotent. */
  | { kind: "not_sent"; reason: TReason }
  /** It may have reached the server and been processed; only the answer is missing. */
  | { kind: "unknown"; reason: TReason };

export type TExchange = {
  /** Exactly the bytes sent (or that would have been sent), as one JSON string. */
  requestBody: string;
  /** Target URL without userinfo, query values masked. */
  url: string;
  startedAt: string;
  durationMs: number;
  outcome: TOutcome;
};

/** Structural subset of a pino logger, so tests can pass their own and nothing else is assumed. */
export type TIntegrationLogger = {
  info: (obj: object, msg?: string) => void;
  warn: (obj: object, msg?: string) => void;
};

export type TSendJsonOptions = {
  /** Name used in logs and errors, e.g. "core_customer". */
  service: string;
  url: string;
  body: unknown;
  auth: TAuth;
  timeoutMs: number;
  logger?: TIntegrationLogger;
  /** Lets a caller cancel (e.g. shutdown); an abort is reported as "unknown". */
  signal?: AbortSignal;
};

/** Strips userinfo and masks query values: URLs are stored and logged, secrets must not be. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = "";
    url.password = "";
    for (const key of new Set(url.searchParams.keys())) url.searchParams.set(key, "redacted");
    url.hash = "";
    return url.href;
  } catch {
    return raw.replace(/\/\/[^/?#]*@/, "//");
  }
}

type TChecked<T> = { ok: true; value: T } | { ok: false; reason: TReason };

function checkUrl(raw: string): TChecked<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: { code: "request.invalid_url" } };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, reason: { code: "request.unsupported_scheme", scheme: url.protocol } };
  // fetch would refuse it anyway, but its error message repeats the URL with the password.
  if (url.username || url.password) return { ok: false, reason: { code: "request.url_credentials" } };
  return { ok: true, value: url };
}

function authHeader(auth: TAuth): TChecked<string | undefined> {
  if (auth.kind === "none") return { ok: true, value: undefined };
  if (auth.kind === "bearer") return { ok: true, value: `Bearer ${auth.token}` };
  // RFC 7617: the user-id cannot contain a colon, the server would split it wrongly.
  if (auth.username.includes(":")) return { ok: false, reason: { code: "request.basic_colon" } };
  return { ok: true, value: `Basic ${Buffer.from(`${auth.username}:${auth.password}`, "utf8").toString("base64")}` };
}

function buildHeaders(auth: TAuth): TChecked<Headers> {
  const authorization = authHeader(auth);
  if (!authorization.ok) return authorization;
  try {
    const headers = new Headers({ "Content-Type": "application/json", Accept: "application/json" });
    if (authorization.value) headers.set("Authorization", authorization.value);
    return { ok: true, value: headers };
  } catch {
    // The Headers error message quotes the offending value, i.e. the credential.
    return { ok: false, reason: { code: "request.header_chars" } };
  }
}

export function secretsOf(auth: TAuth): string[] {
  if (auth.kind === "bearer") return [auth.token];
  if (auth.kind === "basic") return [auth.password, Buffer.from(`${auth.username}:${auth.password}`, "utf8").toString("base64")];
  return [];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function serialise(service: string, body: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    throw new IntegrationError(`${service}: body is not serialisable (${error instanceof Error ? error.name : "error"})`, { service, kind: "invalid_request" });
  }
  if (text === undefined) throw new IntegrationError(`${service}: body is not serialisable`, { service, kind: "invalid_request" });
  return text;
}

// Only metadata: the body and the headers carry personal data and credentials.
function logExchange(log: TIntegrationLogger, service: string, exchange: TExchange): void {
  const { outcome } = exchange;
  const fields = {
    service,
    url: exchange.url,
    outcome: outcome.kind,
    status: outcome.kind === "response" ? outcome.status : null,
    reason: outcome.kind === "response" ? undefined : outcome.reason,
    durationMs: exchange.durationMs,
    requestBytes: Buffer.byteLength(exchange.requestBody),
  };
  if (outcome.kind === "response" && outcome.status < 400) log.info(fields, "outbound call");
  else log.warn(fields, "outbound call failed");
}

/** POST /{whatever the url says}: JSON.stringify once, send those bytes, describe the outcome. */
export async function sendJson(options: TSendJsonOptions): Promise<TExchange> {
  const requestBody = serialise(options.service, options.body);
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const finish = (outcome: TOutcome): TExchange => {
    const exchange = { requestBody, url: redactUrl(options.url), startedAt, durationMs: Math.round(performance.now() - started), outcome };
    logExchange(options.logger ?? defaultLogger, options.service, exchange);
    return exchange;
  };

  const url = checkUrl(options.url);
  if (!url.ok) return finish({ kind: "not_sent", reason: url.reason });
  const headers = buildHeaders(options.auth);
  if (!headers.ok) return finish({ kind: "not_sent", reason: headers.reason });

  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const secrets = secretsOf(options.auth);
  let response: Response;
  try {
    // redirect "manual": following a redirect would replay the POST (and the credentials) elsewhere.
    response = await fetch(url.value, { method: "POST", headers: headers.value, body: requestBody, signal, redirect: "manual" });
  } catch (error) {
    // The caller's own signal may itself be a timeout; it is still the caller's abort, not ours.
    if (options.signal?.aborted && !timeout.aborted) return finish({ kind: "unknown", reason: { code: "net.aborted" } });
    return finish(classifyFetchError(error, options.timeoutMs, secrets));
  }
  try {
    const rawBody = await response.text();
    return finish({ kind: "response", status: response.status, rawBody, json: parseJson(rawBody) });
  } catch (error) {
    // The server did answer, so the request was processed in some way; the body is lost.
    const lost = classifyFetchError(error, options.timeoutMs, secrets);
    return finish({ kind: "unknown", reason: { code: "net.body_lost", status: response.status, cause: lost.reason } });
  }
}
