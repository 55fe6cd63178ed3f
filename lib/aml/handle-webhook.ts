// POST /api/v1/amlyze/events, independent of the HTTP framework: the console's Next.js route and
// the standalone webhook service (scripts/webhook-server.ts) both answer through this function,
// so the two can never disagree on a status code or an error message. AMLYZE's results as
// CloudEvents 1.0 (CONTRACTS §4): authenticated by an HMAC that covers the attributes and the
// data (or a shared secret) before anything is parsed, idempotent by event id, in any order.
import crypto from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { parseCloudEvents, type TEventHeaders } from "./cloud-event";
import type { TEventBatcher } from "./event-batcher";
import { verifyWebhook } from "./webhook-auth";
import { amlWebhookSettings } from "./webhook-settings";
import type { TAmlWebhookSettings } from "./settings";

const log = logger.child({ component: "amlyze-webhook" });

export type TWebhookHttpResult = { status: number; body: unknown };

/** What the handler needs of a request; the body is read only once its size limit is known. */
export type TWebhookRequest = {
  headers: TEventHeaders;
  /** The body, or null once it passes `limit` bytes (the rest is not read). */
  readBody: (limit: number) => Promise<Buffer | null>;
  /** The client's address, for the log line of a refused delivery. */
  ip: string | null;
};

export type TWebhookDeps = {
  /** Reads the webhook secret from Admin → Integrations (cached, see webhook-settings.ts). */
  db: PrismaClient | Prisma.TransactionClient;
  events: TEventBatcher;
};

const error = (status: number, message: string): TWebhookHttpResult => ({ status, body: { error: message } });

const UNSIGNED_ATTRIBUTES =
  "binary mode: X-Amlyze-Signature must cover the ce-* attribute headers (the amlyze-webhook-v1 signing string); a signature of the body alone is accepted in structured mode only";

export async function handleAmlyzeWebhook(deps: TWebhookDeps, request: TWebhookRequest): Promise<TWebhookHttpResult> {
  let settings: TAmlWebhookSettings;
  try {
    settings = await amlWebhookSettings(deps.db);
  } catch (failure) {
    // A secret that is not valid, or the database unreachable: nothing can be authenticated.
    log.error({ err: failure }, "AMLYZE webhook refused: its settings could not be read");
    return error(503, "webhook not configured");
  }
  const body = await request.readBody(settings.maxBytes);
  if (body === null) return error(413, `body is larger than ${settings.maxBytes} bytes`);

  const auth = verifyWebhook(settings, request.headers, body);
  if (!auth.ok) {
    if (auth.reason === "not_configured") {
      log.error("AMLYZE webhook refused: no webhook secret is set (AMLYZE_WEBHOOK_SECRET or Admin → Integrations), so no delivery can be authenticated");
      return error(503, "webhook not configured");
    }
    // Never the body or the header's value: only why, how big, and from where.
    log.warn({ reason: auth.reason, bytes: body.length, ip: request.ip }, "AMLYZE webhook refused: authentication failed");
    if (auth.reason === "unsigned_attributes") return error(401, UNSIGNED_ATTRIBUTES);
    return error(401, settings.auth === "hmac" ? "invalid or missing X-Amlyze-Signature" : "invalid or missing bearer secret");
  }

  const parsed = parseCloudEvents(body, request.headers, { now: new Date(), maxClockSkewMs: settings.maxClockSkewMs });
  if (!parsed.ok) return error(parsed.status, parsed.message);

  try {
    const stored = await deps.events.ingest(parsed.events);
    // A batch's bad events were refused alone: the good ones are stored, and the 400 names the others.
    if (parsed.refused.length > 0) return { status: 400, body: { error: parsed.refused.join("; "), ...stored } };
    return { status: 200, body: stored };
  } catch (failure) {
    // Nothing of this delivery was stored (one transaction); AMLYZE delivers again.
    const correlationId = crypto.randomUUID();
    log.error({ err: failure, correlationId, events: parsed.events.length }, "AMLYZE webhook could not store the events");
    return error(500, `could not store the events (reference ${correlationId.slice(0, 8)}); deliver again`);
  }
}
