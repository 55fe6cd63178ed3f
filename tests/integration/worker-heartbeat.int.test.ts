// The push worker's heartbeat and what the console reads from it: alive while beats come, stale
// once they stop for WORKER_STALE_SECONDS, and /api/health saying so without a session.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import type { TScratchDatabase } from "@/lib/db/scratch-database";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { startHeartbeat } from "@/lib/jobs/heartbeat";
import { workerLiveness } from "@/lib/jobs/worker-liveness";
import { prisma, scratchDatabase } from "./db";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("worker heartbeat", () => {
  let scratch: TScratchDatabase;
  let pool: pg.Pool;
  let db: PrismaClient;

  beforeAll(async () => {
    // A database of its own: a worker of another run beats into the shared one.
    scratch = await scratchDatabase("heartbeat", { migrate: true });
    pool = new pg.Pool({ connectionString: scratch.appUrl, max: 2 });
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.appUrl, max: 2 }) });
  });
  afterAll(async () => {
    await db.$disconnect();
    await pool.end();
    await scratch.drop();
  });

  it("is alive while a worker beats, stale once its beats stop, and gone when it stops", async () => {
    expect(await workerLiveness(db, { staleSeconds: 1 })).toMatchObject({ alive: false, workers: 0, lastBeatAt: null, secondsSinceBeat: null });

    const fast = await startHeartbeat(pool, 100);
    await sleep(1_300);
    // Beats every 100 ms: still alive after longer than the threshold.
    expect(await workerLiveness(db, { staleSeconds: 1 })).toMatchObject({ alive: true, workers: 1 });
    await fast.stop();

    // One beat, then none (a frozen or killed worker): stale after the threshold, with its time.
    const frozen = await startHeartbeat(pool, 3_600_000);
    expect((await workerLiveness(db, { staleSeconds: 1 })).alive).toBe(true);
    await sleep(1_300);
    const stale = await workerLiveness(db, { staleSeconds: 1 });
    expect(stale).toMatchObject({ alive: false, workers: 0, staleSeconds: 1 });
    expect(stale.secondsSinceBeat).toBeGreaterThanOrEqual(1);
    expect(Date.parse(stale.lastBeatAt!)).toBeGreaterThan(Date.now() - 10_000);

    // A stopped worker removes its row: nothing is alive, and nothing pretends to be.
    await frozen.stop();
    expect(await workerLiveness(db, { staleSeconds: 1 })).toMatchObject({ alive: false, lastBeatAt: null });
  });

  it("GET /api/health reports the database and the worker, and ?require=worker makes a stale worker a 503", async () => {
    await prisma.$executeRaw`DELETE FROM worker_heartbeats`;
    await prisma.$executeRaw`INSERT INTO worker_heartbeats (id, host, pid, started_at, beat_at)
      VALUES ('test:1:1', 'test-host', 1, now() - interval '1 hour', now() - interval '10 minutes')`;
    const stale = await GET(new Request("http://localhost/api/health"));
    expect(stale.status).toBe(200);
    const body = (await stale.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: "worker_stale", database: { ok: true }, worker: { alive: false, workers: 0, staleSeconds: 30 } });
    expect(JSON.stringify(body)).not.toContain("test-host");
    expect((await GET(new Request("http://localhost/api/health?require=worker"))).status).toBe(503);

    await prisma.$executeRaw`UPDATE worker_heartbeats SET beat_at = now()`;
    const alive = await GET(new Request("http://localhost/api/health?require=worker"));
    expect(alive.status).toBe(200);
    expect(await alive.json()).toMatchObject({ status: "ok", worker: { alive: true, workers: 1 } });
    await prisma.$executeRaw`DELETE FROM worker_heartbeats`;
  });
});
