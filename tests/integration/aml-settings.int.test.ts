// The AML submission reads AMLYZE's settings per job, from Admin → Integrations unless an
// AMLYZE_* variable sets them: a worker with no AMLYZE_* at all submits with the stored base URL,
// token and requester, and a variable, when set, wins over the stored value.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPushWorker, workerEnv, type TPushWorker } from "@/lib/push/worker";
import { saveIntegrationSettings } from "@/lib/settings/save-integration-settings";
import { AMLYZE_TEST_TOKEN, startAmlyze, type TAmlyzeHarness } from "./aml-helpers";
import { openBodies } from "./pii-helpers";
import { CORE_PASSWORD, CORE_USER, ensureProductCodes, intakeFixture, prisma, pushDatabase, queuePush, startCore, usePushDatabase, type TCoreHarness } from "./push-helpers";

let core: TCoreHarness;
let amlyze: TAmlyzeHarness;
let database: Awaited<ReturnType<typeof pushDatabase>>;
let worker: TPushWorker | undefined;
const actor = { id: null, label: "aml-settings-test" };
const BASE_ENV = { PUSH_WORKER_CONCURRENCY: "1", PUSH_RETRY_BASE_MS: "10", PUSH_RETRY_MAX_MS: "50", PUSH_SWEEP_INTERVAL_MS: "60000", AMLYZE_RETRY_BASE_MS: "10", AMLYZE_RETRY_MAX_MS: "20" };

beforeAll(async () => {
  database = await pushDatabase("aml_settings_test");
  usePushDatabase(database.db);
  await ensureProductCodes();
  core = await startCore(2000);
  amlyze = await startAmlyze();
  await saveIntegrationSettings(prisma, { integration: "core", values: { baseUrl: core.url, username: CORE_USER, password: CORE_PASSWORD }, clear: [], actor, env: {} });
});

afterAll(async () => {
  await worker?.stop();
  await amlyze?.stop();
  await core?.stop();
  await database?.drop();
});

async function setAmlyze(values: Record<string, string>) {
  await saveIntegrationSettings(prisma, { integration: "amlyze", values, clear: [], actor, env: {} });
}

async function restartWorker(env: Record<string, string>) {
  await worker?.stop();
  worker = await startPushWorker({ connectionString: database.url, db: prisma, env: workerEnv({ ...BASE_ENV, ...env }) });
}

/** Pushes a fresh enrollment through the worker and waits until its AML submission settled. */
async function submitted() {
  const id = await intakeFixture(1);
  await queuePush(id, []);
  for (let i = 0; i < 150; i += 1) {
    const submission = await prisma.amlSubmission.findFirst({ where: { enrollmentId: id } });
    if (submission && ["accepted", "rejected", "failed"].includes(submission.status)) {
      const calls = await prisma.outboundCall.findMany({ where: { enrollmentId: id, step: "amlyze_simplified_customer" }, orderBy: { attempt: "asc" } });
      // Bodies are stored sealed: opened as the console reads them.
      return { submission: openBodies([submission])[0]!, calls: openBodies(calls) };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the AML submission did not settle");
}

describe("AMLYZE settings per job", () => {
  it("no AMLYZE_* in the worker: the stored base URL, token and requester are used", async () => {
    await setAmlyze({ baseUrl: amlyze.url, token: AMLYZE_TEST_TOKEN, requester: "stored_requester" });
    await restartWorker({});
    const { submission, calls } = await submitted();
    expect(submission.status).toBe("accepted");
    expect(JSON.parse(submission.requestBody)).toMatchObject({ requester: "stored_requester" });
    expect(calls.map((c) => c.url)).toEqual([`${amlyze.url}/amlyze-ws-rest/simplified-customer`]);
    const received = amlyze.sandbox.submissions().find((s) => s.communicationNumber === submission.communicationNumber);
    expect(received).toMatchObject({ status: 200, body: expect.objectContaining({ requester: "stored_requester" }) });
  });

  it("a token an admin rotates is used by the next job, without a restart", async () => {
    await setAmlyze({ token: "a-token-amlyze-does-not-know" });
    const refused = await submitted();
    expect(refused.submission.status).toBe("rejected");
    expect(refused.calls.at(-1)?.httpStatus).toBe(401);
    await setAmlyze({ token: AMLYZE_TEST_TOKEN });
    expect((await submitted()).submission.status).toBe("accepted");
  });

  it("AMLYZE_* variables win over the stored values", async () => {
    await setAmlyze({ requester: "stored_requester", token: "stored-token-that-is-wrong" });
    await restartWorker({ AMLYZE_REQUESTER: "env_requester", AMLYZE_TOKEN: AMLYZE_TEST_TOKEN });
    const { submission } = await submitted();
    expect(submission.status).toBe("accepted");
    expect(JSON.parse(submission.requestBody)).toMatchObject({ requester: "env_requester" });
  });

  it("the optional fields an admin enables are sent from the next job on, and only those", async () => {
    await setAmlyze({ baseUrl: amlyze.url, token: AMLYZE_TEST_TOKEN, optionalFields: "none" });
    await restartWorker({});
    const before = JSON.parse((await submitted()).submission.requestBody) as Record<string, unknown>;
    expect(before).not.toHaveProperty("birthDate");
    expect(before).not.toHaveProperty("nationalCode");

    await setAmlyze({ optionalFields: "birthDate" });
    const after = JSON.parse((await submitted()).submission.requestBody) as Record<string, unknown>;
    expect(after.birthDate).toEqual(expect.any(String));
    expect(after).not.toHaveProperty("citizenshipCountry");
    expect(after).not.toHaveProperty("nationalCode");
  });
});
