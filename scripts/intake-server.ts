// The intake API as a service of its own: `npm run intake` (tsx --conditions=react-server
// scripts/intake-server.ts). It answers POST /api/v1/enrollments exactly as the console does (the
// same lib/intake/handle-intake.ts) and nothing else, so it can live where the onboarding app
// can reach it while the back-office console stays on the bank's internal network, and it
// scales apart from the console. Environment: DATABASE_URL, INTAKE_API_KEYS, INTAKE_PORT (3001),
// INTAKE_HOST (127.0.0.1), DB_POOL_MAX, and PII_ENCRYPTION_KEYS and PII_INDEX_KEY (it seals what it stores).
import http from "node:http";
import { PrismaPg } from "@prisma/adapter-pg";
import { z } from "zod";
import { piiKeys } from "@/lib/crypto/pii";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { authenticateIntake, handleIntakeBody, INTAKE_TOO_LARGE, INTAKE_UNAUTHORIZED, type TIntakeHttpResult } from "@/lib/intake/handle-intake";
import { MAX_INTAKE_BYTES } from "@/lib/intake/parse-intake";
import { answerHealth, readLimited, sendJson } from "@/lib/http/node-service";
import { logger } from "@/lib/logger";
import { nameDatabaseConnections } from "@/lib/db/application-name";

const ZIntakeEnv = z.object({
  DATABASE_URL: z.url({ error: "DATABASE_URL must be a postgresql:// URL" }),
  INTAKE_API_KEYS: z.string().optional(),
  INTAKE_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  INTAKE_HOST: z.string().min(1).default("127.0.0.1"),
  DB_POOL_MAX: z.coerce.number().int().positive().default(20),
});

const send = (res: http.ServerResponse, result: TIntakeHttpResult) => sendJson(res, result.status, result.body, result.headers);

export function createIntakeServer(db: PrismaClient, keys: string | undefined): http.Server {
  return http.createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (answerHealth(req, res, path)) return;
    if (path !== "/api/v1/enrollments") return send(res, { status: 404, body: { errors: [{ path: "", message: "Not found" }] } });
    if (req.method !== "POST") return send(res, { status: 405, body: { errors: [{ path: "", message: "Use POST" }] }, headers: { Allow: "POST" } });
    (async () => {
      const actor = await authenticateIntake(db, req.headers.authorization ?? null, keys);
      if (!actor) return send(res, INTAKE_UNAUTHORIZED);
      const body = await readLimited(req, MAX_INTAKE_BYTES);
      if (body === null) return send(res, INTAKE_TOO_LARGE);
      send(res, await handleIntakeBody(db, actor, body.toString("utf8")));
    })().catch((error: unknown) => {
      logger.error({ err: error }, "intake failed");
      if (!res.headersSent) send(res, { status: 500, body: { errors: [{ path: "", message: "Internal error; nothing was stored" }] } });
    });
  });
}

async function main() {
  nameDatabaseConnections("intake");
  const parsed = ZIntakeEnv.safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const env = parsed.data;
  // Bad PII keys stop the service here, not at its first enrollment.
  piiKeys();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DB_POOL_MAX }) });
  const server = createIntakeServer(db, env.INTAKE_API_KEYS);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(env.INTAKE_PORT, env.INTAKE_HOST, resolve));
  logger.info({ port: env.INTAKE_PORT, host: env.INTAKE_HOST }, "intake service listening");
  const stop = () => server.close(() => void db.$disconnect().then(() => process.exit(0)));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1]?.endsWith("intake-server.ts")) {
  main().catch((error: unknown) => {
    logger.error({ err: error }, "intake service failed to start");
    process.exit(1);
  });
}
