// The push worker reads the core's settings per job: a password an admin changes in the console
// is used by the next push, without restarting the worker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPushWorker, workerEnv, type TPushWorker } from "@/lib/push/worker";
import { saveIntegrationSettings } from "@/lib/settings/save-integration-settings";
import { CORE_PASSWORD, CORE_USER, ensureProductCodes, intakeFixture, loadEnrollment, prisma, product, pushDatabase, queuePush, startCore, usePushDatabase, type TCoreHarness } from "./push-helpers";

let harness: TCoreHarness;
let database: Awaited<ReturnType<typeof pushDatabase>>;
let worker: TPushWorker;
let adminId: string;

beforeAll(async () => {
  database = await pushDatabase("push_settings_test");
  usePushDatabase(database.db);
  await ensureProductCodes();
  harness = await startCore(2000);
  adminId = (await prisma.user.create({ data: { username: "settings-admin", displayName: "A", role: "admin", passwordHash: "x" } })).id;
  await setCore({ baseUrl: harness.url, username: CORE_USER, password: CORE_PASSWORD });
  // No CORE_* in the worker's environment: everything comes from the database.
  const env = workerEnv({ PUSH_WORKER_CONCURRENCY: "1", PUSH_RETRY_BASE_MS: "10", PUSH_RETRY_MAX_MS: "50", PUSH_SWEEP_INTERVAL_MS: "60000" });
  worker = await startPushWorker({ connectionString: database.url, db: prisma, env });
});

afterAll(async () => {
  await worker?.stop();
  await harness?.stop();
  await database?.drop();
});

async function setCore(values: Record<string, string>) {
  await saveIntegrationSettings(prisma, { integration: "core", values, clear: [], actor: { id: adminId, label: "settings-admin" }, env: {} });
}

async function settled(id: string) {
  for (let i = 0; i < 100; i += 1) {
    const enrollment = await loadEnrollment(id);
    if (enrollment.status !== "pushing") return enrollment;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("push did not settle");
}

describe("core settings per job", () => {
  it("pushes with the stored credentials; after a rotation only the new stored password works", async () => {
    const first = await intakeFixture(1);
    await queuePush(first, [product("AH01")]);
    expect((await settled(first)).status).toBe("pushed");

    // The core's password changes; the console still has the old one: refused, back to review.
    harness.sandbox.setCredentials({ username: CORE_USER, password: "rotated-password-2026" });
    const second = await intakeFixture(2);
    await queuePush(second, [product("CC01")]);
    const refused = await settled(second);
    expect(refused.status).toBe("in_review");
    expect(refused.pushError).toMatch(/Unauthorized/);

    // The admin stores the new password: the very next push uses it, no restart.
    await setCore({ password: "rotated-password-2026" });
    await queuePush(second, [product("CC01")]);
    expect((await settled(second)).status).toBe("pushed");
    expect(harness.sandbox.ledger.listCustomers()).toHaveLength(2);
  });
});
