import crypto from "node:crypto";
import { NextResponse } from "next/server";
import { parseCloudEvents } from "@/lib/aml/cloud-event";
import { ingestEvents } from "@/lib/aml/ingest-events";
import { amlWebhookSettings } from "@/lib/aml/webhook-settings";
import { verifyWebhook } from "@/lib/aml/webhook-auth";
import { prisma } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg-pool";
import { readBytesLimited } from "@/lib/http/read-body";
import { logger } from "@/lib/logger";

const log = logger.child({ component: "amlyze-webhook" });

const error = (status: number, message: string, headers?: HeadersInit) => NextResponse.json({ error: message }, { status, headers });

// POST /api/v1/amlyze/events — AMLYZE's results as CloudEvents 1.0 (CONTRACTS §4). Authenticated
// by the HMAC of the raw body (or a shared secret), idempotent by event id, any order.
export async function POST(request: Request) {
  let settings: Awaited<ReturnType<typeof amlWebhookSettings>>;
  try {
    settings = await amlWebhookSettings(prisma);
  } catch (failure) {
    // A secret that is not valid, or the database unreachable: nothing can be authenticated.
    log.error({ err: failure }, "AMLYZE webhook refused: its settings could not be read");
    return error(503, "webhook not configured");
  }
  const read = await readBytesLimited(request, settings.maxBytes);
  if ("tooLarge" in read) return error(413, `body is larger than ${settings.maxBytes} bytes`);

  const auth = verifyWebhook(settings, request.headers, read.bytes);
  if (!auth.ok) {
    if (auth.reason === "not_configured") {
      log.error("AMLYZE webhook refused: no webhook secret is set (AMLYZE_WEBHOOK_SECRET or Admin → Integrations), so no delivery can be authenticated");
      return error(503, "webhook not configured");
    }
    // Never the body or the header's value: only why, how big, and from where.
    const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
    log.warn({ reason: auth.reason, bytes: read.bytes.length, ip }, "AMLYZE webhook refused: authentication failed");
    return error(401, settings.auth === "hmac" ? "invalid or missing X-Amlyze-Signature" : "invalid or missing bearer secret");
  }

  const parsed = parseCloudEvents(read.bytes, request.headers);
  if (!parsed.ok) return error(parsed.status, parsed.message);

  try {
    const result = await ingestEvents(pgPool(), parsed.events);
    return NextResponse.json(result, { status: 200 });
  } catch (failure) {
    // Nothing was stored (one transaction); AMLYZE delivers again.
    const correlationId = crypto.randomUUID();
    log.error({ err: failure, correlationId, events: parsed.events.length }, "AMLYZE webhook could not store the events");
    return error(500, `could not store the events (reference ${correlationId.slice(0, 8)}); deliver again`);
  }
}
