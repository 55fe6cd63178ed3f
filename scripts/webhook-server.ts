// The AMLYZE results webhook as a service of its own: `npm run webhooks` (tsx
// --conditions=react-server scripts/webhook-server.ts). It answers POST /api/v1/amlyze/events
// exactly as the console does (the same lib/aml/handle-webhook.ts) and nothing else, on plain
// node:http: a Next.js route handler tops out at a few hundred requests per second on a small
// machine, far below what AMLYZE may send one event per request (see docs/PERFORMANCE.md).
// Deploy it behind the same path on the load balancer, apart from the console. Environment:
// DATABASE_URL, AMLYZE_WEBHOOK_SECRET (or the one stored in Admin → Integrations, with
// SETTINGS_ENCRYPTION_KEYS), AMLYZE_WEBHOOK_AUTH, AMLYZE_WEBHOOK_MAX_BYTES,
// AMLYZE_WEBHOOK_MAX_CLOCK_SKEW_MS, WEBHOOK_PORT (3002),
// WEBHOOK_HOST (127.0.0.1), DB_PG_POOL_MAX (10), AMLYZE_WEBHOOK_LANES (2).
import http from "node:http";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { z } from "zod";
import { createEventBatcher } from "@/lib/aml/event-batcher";
import { handleAmlyzeWebhook, type TWebhookDeps, type TWebhookHttpResult } from "@/lib/aml/handle-webhook";
import { amlWebhookEnvSettings } from "@/lib/aml/settings";
import type { TEventHeaders } from "@/lib/aml/cloud-event";
import { piiKeys } from "@/lib/crypto/pii";
import { settingsKeyring } from "@/lib/crypto/secrets";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { clientAddress, parseTrustedProxies } from "@/lib/http/client-address";
import { answerHealth, readLimited, sendJson } from "@/lib/http/node-service";
import { logger } from "@/lib/logger";
import { nameDatabaseConnections } from "@/lib/db/application-name";

export const WEBHOOK_PATH = "/api/v1/amlyze/events";

const ZWebhookEnv = z.object({
  DATABASE_URL: z.url({ error: "DATABASE_URL must be a postgresql:// URL" }),
  WEBHOOK_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  WEBHOOK_HOST: z.string().min(1).default("127.0.0.1"),
  DB_PG_POOL_MAX: z.coerce.number().int().positive().default(10),
  AMLYZE_WEBHOOK_LANES: z.coerce.number().int().min(1).max(32).default(2),
});

const send = (res: http.ServerResponse, result: TWebhookHttpResult, headers: Record<string, string> = {}) => sendJson(res, result.status, result.body, headers);

/** node's headers (names already in lower case) as the handler reads them. */
function headersOf(req: http.IncomingMessage): TEventHeaders {
  const value = (raw: string | string[] | undefined) => (raw === undefined ? null : Array.isArray(raw) ? raw.join(", ") : raw);
  return {
    get: (name) => value(req.headers[name.toLowerCase()]),
    entries: () => Object.entries(req.headers).map(([name, raw]) => [name, value(raw) ?? ""] as [string, string]),
  };
}

export function createWebhookServer(deps: TWebhookDeps): http.Server {
  // For the log only; X-Forwarded-For is believed only from our own proxies, as in the console.
  const proxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  return http.createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (answerHealth(req, res, path)) return;
    if (path !== WEBHOOK_PATH) return send(res, { status: 404, body: { error: "not found" } });
    if (req.method !== "POST") return send(res, { status: 405, body: { error: "use POST" } }, { Allow: "POST" });
    const ip = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], proxies);
    handleAmlyzeWebhook(deps, { headers: headersOf(req), readBody: (limit) => readLimited(req, limit), ip }).then(
      (result) => send(res, result),
      (error: unknown) => {
        logger.error({ err: error }, "AMLYZE webhook failed");
        if (!res.headersSent) send(res, { status: 500, body: { error: "internal error; nothing was stored, deliver again" } });
      },
    );
  });
}

async function main() {
  nameDatabaseConnections("webhooks");
  const parsed = ZWebhookEnv.safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const env = parsed.data;
  // Bad AMLYZE_WEBHOOK_*, SETTINGS_ENCRYPTION_KEYS or PII keys (events are stored sealed) stop the
  // service here, not at its first delivery.
  amlWebhookEnvSettings();
  settingsKeyring();
  piiKeys();
  // Prisma only reads the stored secret (every few seconds); events go through plain pg.
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: 2 }) });
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DB_PG_POOL_MAX });
  const server = createWebhookServer({ db, events: createEventBatcher(pool, { lanes: env.AMLYZE_WEBHOOK_LANES }) });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(env.WEBHOOK_PORT, env.WEBHOOK_HOST, resolve));
  logger.info({ port: env.WEBHOOK_PORT, host: env.WEBHOOK_HOST }, "AMLYZE webhook service listening");
  const stop = () => server.close(() => void Promise.all([db.$disconnect(), pool.end()]).then(() => process.exit(0)));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1]?.endsWith("webhook-server.ts")) {
  main().catch((error: unknown) => {
    logger.error({ err: error }, "AMLYZE webhook service failed to start");
    process.exit(1);
  });
}
