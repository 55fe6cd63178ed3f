// "Test connection": one harmless request with the settings in force. The core and AMLYZE both
// answer an empty JSON object with a 400 validation message and create nothing, so a 400 proves
// the URL, the path and the credentials; a 401/403 means the credentials are refused. These calls
// are not an enrollment's outbound calls: nothing is stored of them but an audit event.
import "server-only";
import { SecretDecryptionError } from "@/lib/crypto/secrets";
import { sendJson, type TAuth, type TExchange } from "@/lib/integrations/http/base-client";
import { logger } from "@/lib/logger";
import type { TReason } from "@/lib/reasons/reason";
import type { TIntegration } from "./integration-fields";
import { amlyzeAuth, amlyzeSettings, coreConnection, coreSettings, IntegrationSettingsError, type TSettingsOptions } from "./integrations";
import type { TDb } from "@/lib/db/types";

export type TConnectionVerdict =
  /** It answered 400 to the empty body: reachable, credentials accepted. */
  | "ok"
  /** 401 or 403: reachable, credentials refused. */
  | "unauthorized"
  /** Any other answer (404: wrong URL or path; 5XX: the service failed). */
  | "unexpected"
  /** Nothing answered: refused, unknown host, timeout. */
  | "unreachable"
  /** Settings missing or not valid; nothing was sent. */
  | "not_configured";

export type TConnectionTestResult = {
  verdict: TConnectionVerdict;
  /** HTTP status when the service answered. */
  status: number | null;
  /** The service's message, or what is missing ("" when nothing answered: see `reason`). */
  message: string;
  /** Why nothing answered, as a code the caller renders in the user's language. */
  reason?: TReason;
  /** Where the request went (without credentials). */
  url: string | null;
  durationMs: number | null;
};

const MAX_MESSAGE = 500;

/** The service's own words: core `{message}`, AMLYZE `{errors[]}` or `{errorCode, errorDescription}`, else the raw text. */
function messageOf(rawBody: string, json: unknown): string {
  if (json && typeof json === "object") {
    const body = json as Record<string, unknown>;
    if (typeof body.message === "string") return body.message.slice(0, MAX_MESSAGE);
    if (typeof body.errorCode === "string") return `${body.errorCode}: ${String(body.errorDescription ?? "")}`.slice(0, MAX_MESSAGE);
    if (Array.isArray(body.errors)) return JSON.stringify(body.errors).slice(0, MAX_MESSAGE);
    if (typeof body.error === "string") return body.error.slice(0, MAX_MESSAGE);
  }
  return rawBody.slice(0, MAX_MESSAGE);
}

export function verdictOf(exchange: TExchange): TConnectionTestResult {
  const outcome = exchange.outcome;
  const base = { url: exchange.url, durationMs: exchange.durationMs };
  if (outcome.kind !== "response") return { ...base, verdict: "unreachable", status: null, message: "", reason: outcome.reason };
  const message = messageOf(outcome.rawBody, outcome.json);
  const verdict = outcome.status === 400 ? "ok" : outcome.status === 401 || outcome.status === 403 ? "unauthorized" : "unexpected";
  return { ...base, verdict, status: outcome.status, message };
}

const notConfigured = (message: string): TConnectionTestResult => ({ verdict: "not_configured", status: null, message, url: null, durationMs: null });

async function probe(service: string, url: string, auth: TAuth, timeoutMs: number): Promise<TConnectionTestResult> {
  const exchange = await sendJson({ service, url, body: {}, auth, timeoutMs, logger: logger.child({ component: "connection-test" }) });
  return verdictOf(exchange);
}

/** Sends the harmless request to one integration with the settings in force now. */
export async function testConnection(db: TDb, integration: Exclude<TIntegration, "sso">, options: TSettingsOptions = {}): Promise<TConnectionTestResult> {
  try {
    if (integration === "core") {
      const connection = coreConnection(await coreSettings(db, options));
      if (!connection.ok) return notConfigured(`missing: ${connection.missing.join(", ")}`);
      // POST /core_customer
      const auth: TAuth = { kind: "basic", username: connection.username, password: connection.password };
      return await probe("core_customer_test", `${connection.baseUrl.replace(/\/+$/, "")}/core_customer`, auth, connection.timeoutMs);
    }
    const settings = await amlyzeSettings(db, options);
    if (!settings.baseUrl) return notConfigured("missing: baseUrl");
    const auth = amlyzeAuth(settings);
    if (!auth.ok) return notConfigured(`missing: ${auth.missing.join(", ")}`);
    // POST /amlyze-ws-rest/simplified-customer (or the configured path)
    return await probe("amlyze_test", `${settings.baseUrl.replace(/\/+$/, "")}${settings.path}`, auth.auth, settings.timeoutMs);
  } catch (error) {
    if (error instanceof IntegrationSettingsError || error instanceof SecretDecryptionError) return notConfigured(error.message);
    throw error;
  }
}
