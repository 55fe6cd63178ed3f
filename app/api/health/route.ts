import { NextResponse } from "next/server";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { workerLiveness } from "@/lib/jobs/worker-liveness";
import { logger } from "@/lib/logger";

const log = logger.child({ component: "health" });

// GET /api/health — for monitors and load balancers, without a session: whether the database
// answers (503 when not) and whether a push worker beat within WORKER_STALE_SECONDS. A stale
// worker is reported, not a 503, so a load balancer keeps serving the console; ?require=worker
// makes it a 503 too, for a monitor that reads only status codes. No hosts, pids or errors: the
// endpoint is public.
export async function GET(request: Request) {
  const headers = { "Cache-Control": "no-store" };
  try {
    // One query: if it answers, the database is up.
    const worker = await workerLiveness(prisma, { staleSeconds: env().WORKER_STALE_SECONDS });
    const strict = new URL(request.url).searchParams.get("require") === "worker";
    const status = worker.alive ? "ok" : "worker_stale";
    return NextResponse.json({ status, database: { ok: true }, worker }, { status: strict && !worker.alive ? 503 : 200, headers });
  } catch (error) {
    log.error({ err: error }, "health check: the database did not answer");
    return NextResponse.json({ status: "database_down", database: { ok: false }, worker: null }, { status: 503, headers });
  }
}
