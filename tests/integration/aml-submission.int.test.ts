// AML submissions: recorded with the core's success, sent by their own durable job with the
// intent-row pattern, retried with the same body, refused reasons kept, and never able to
// change the core push's outcome.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { amlCallKey, runAmlSubmissions, STALE_AML_ATTEMPT_REASON } from "@/lib/aml/submit";
import { createCircuitBreaker } from "@/lib/integrations/amlyze/circuit-breaker";
import { runPush } from "@/lib/push/pipeline";
import { sweepOrphanedAmlSubmissions } from "@/lib/push/worker";
import { AMLYZE_MALFORMED_500_BODY } from "@/sandbox/amlyze-server";
import { reasonText } from "@/tests/reason-text";
import { prisma } from "./db";
import { readAmlCustomer } from "./pii-helpers";
import { amlDeps, loadAmlCalls, loadAmlJobs, loadSubmissions, pushedEnrollment, startAmlyze, type TAmlyzeHarness } from "./aml-helpers";
import { AML_MESSAGE, ensureProductCodes, loadEnrollment, pushDeps, queuePush, removeJobs, startCore, type TCoreHarness } from "./push-helpers";

let lockPool: pg.Pool;
let core: TCoreHarness;
let amlyze: TAmlyzeHarness | undefined;
const created: string[] = [];

beforeAll(async () => {
  lockPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  await ensureProductCodes();
  core = await startCore();
});
afterEach(async () => {
  await removeJobs(created.splice(0));
  await amlyze?.stop();
  amlyze = undefined;
});
afterAll(async () => {
  await core.stop();
  await lockPool.end();
});

async function pushed(mutate?: (body: Record<string, unknown>) => void) {
  const id = await pushedEnrollment(core, lockPool, mutate);
  created.push(id);
  return id;
}

const view = async (enrollmentId: string) => readAmlCustomer(await prisma.amlCustomer.findFirstOrThrow({ where: { enrollmentId } }));

describe("AML submission is recorded with the core's success", () => {
  it("one queued submission per push, its job enqueued, the customer's view pending", async () => {
    const id = await pushed();
    const enrollment = await loadEnrollment(id);
    expect(enrollment.status).toBe("pushed");
    const [submission, ...rest] = await loadSubmissions(id);
    expect(rest).toEqual([]);
    expect(submission).toMatchObject({ status: "queued", pushSeq: 1, customerExtId: String(enrollment.customerNumber), attempts: 0 });
    expect(submission!.communicationNumber).toMatch(/^EC-[0-9a-f-]{36}$/);
    expect(JSON.parse(submission!.requestBody)).toEqual({
      communicationNumber: submission!.communicationNumber,
      requester: "financial_institution",
      riskManagementCategory: "FAST",
      entityType: "INDIVIDUAL",
      customerExtId: String(enrollment.customerNumber),
      firstName: "LUIS ALEJANDRO",
      lastName: "MARTINEZ",
      customerStatus: "ACTIVE",
      birthDate: "1991-11-14",
      citizenshipCountry: "US",
      nationalCode: expect.stringMatching(/^T/),
    });
    expect(await loadAmlJobs(id)).toEqual([expect.objectContaining({ task_identifier: "amlyze_submit", key: `amlyze:${id}` })]);
    expect(await view(id)).toMatchObject({ state: "pending", submissionStatus: "queued", communicationNumber: submission!.communicationNumber });
    expect(enrollment.amlStatus).toBe("pending");
  });

  it("a second push makes a second submission with a new communicationNumber", async () => {
    const id = await pushed();
    await queuePush(id, []);
    await runPush(pushDeps(core, lockPool), id);
    const submissions = await loadSubmissions(id);
    expect(submissions.map((s) => s.pushSeq)).toEqual([1, 2]);
    expect(new Set(submissions.map((s) => s.communicationNumber)).size).toBe(2);
  });

  it("optional fields are only sent when enabled", async () => {
    const id = await pushed();
    await queuePush(id, []);
    await runPush(pushDeps(core, lockPool, { amlMessage: { ...AML_MESSAGE, includeOptional: { birthDate: false, nationality: false, document: false } } }), id);
    const latest = (await loadSubmissions(id)).at(-1)!;
    expect(Object.keys(JSON.parse(latest.requestBody))).not.toContain("birthDate");
    expect(Object.keys(JSON.parse(latest.requestBody))).not.toContain("nationalCode");
  });

  it("a body that cannot be built fails the submission at once, and the push is still pushed", async () => {
    const id = await pushedEnrollment(core, lockPool);
    created.push(id);
    await queuePush(id, []);
    await runPush(pushDeps(core, lockPool, { amlMessage: { ...AML_MESSAGE, requester: "r".repeat(101) } }), id);
    expect((await loadEnrollment(id)).status).toBe("pushed");
    const latest = (await loadSubmissions(id)).at(-1)!;
    expect(latest.status).toBe("failed");
    expect(latest.message).toMatch(/requester: at most 100 characters/);
  });
});

describe("sending to AMLYZE", () => {
  it("accepted: one success attempt with the stored bytes; view and enrollment say accepted", async () => {
    amlyze = await startAmlyze();
    const id = await pushed();
    const result = await runAmlSubmissions(amlDeps(amlyze, lockPool), id);
    expect(result).toEqual({ kind: "done", sent: 1 });
    const [submission] = await loadSubmissions(id);
    expect(submission).toMatchObject({ status: "accepted", attempts: 1, message: null });
    const calls = await loadAmlCalls(id);
    expect(calls.map((c) => [c.attempt, c.outcome, c.httpStatus])).toEqual([[1, "success", 200]]);
    expect(calls[0]!.requestBody).toBe(submission!.requestBody);
    expect(calls[0]!.callKey).toBe(amlCallKey(submission!.id));
    expect(calls[0]!.requestBody).not.toContain(AMLYZE_TEST_TOKEN_FRAGMENT);
    expect(amlyze.sandbox.submissions().map((s) => s.communicationNumber)).toEqual([submission!.communicationNumber]);
    expect(await view(id)).toMatchObject({ state: "accepted", submissionStatus: "accepted" });
    expect((await loadEnrollment(id)).amlStatus).toBe("accepted");
    expect(await runAmlSubmissions(amlDeps(amlyze, lockPool), id)).toEqual({ kind: "done", sent: 0 });
  });

  it("400 in the reference's errorCode form: rejected, not retried, the reason parsed and the raw body kept", async () => {
    amlyze = await startAmlyze({ riskManagementCategories: ["STANDARD"] });
    const id = await pushed();
    await runAmlSubmissions(amlDeps(amlyze, lockPool), id);
    const [submission] = await loadSubmissions(id);
    expect(submission).toMatchObject({ status: "rejected", errors: [{ code: "C007", message: "riskManagementCategory FAST does not exist" }] });
    expect(submission!.message).toBe("C007: riskManagementCategory FAST does not exist");
    const calls = await loadAmlCalls(id);
    expect(calls.map((c) => [c.outcome, c.httpStatus])).toEqual([["rejected", 400]]);
    expect(JSON.parse(calls[0]!.responseBody!)).toEqual({ errorCode: "C007", errorDescription: "riskManagementCategory FAST does not exist" });
    expect(await view(id)).toMatchObject({ state: "rejected", priority: 1, submissionMessage: submission!.message });
  });

  it("404 REQUEST_REJECTED: rejected with AMLYZE's error", async () => {
    amlyze = await startAmlyze({ fault: { kind: "status404" } });
    const id = await pushed();
    await runAmlSubmissions(amlDeps(amlyze, lockPool), id);
    expect((await loadSubmissions(id))[0]).toMatchObject({ status: "rejected", errors: [{ message: "Not Found" }] });
  });

  it("the seed's malformed 500 every time: retried with the same body, then failed; each raw body recorded", async () => {
    amlyze = await startAmlyze({ fault: { kind: "malformed500" } });
    const id = await pushed();
    const deps = amlDeps(amlyze, lockPool);
    const first = await runAmlSubmissions(deps, id);
    expect(first.kind).toBe("waiting");
    expect((await loadSubmissions(id))[0]).toMatchObject({ status: "queued", message: "Attempt 1: HTTP 500: body is not valid JSON" });
    expect(await loadAmlJobs(id)).toHaveLength(1);
    await runAmlSubmissions(deps, id);
    await runAmlSubmissions(deps, id);
    const [submission] = await loadSubmissions(id);
    expect(submission).toMatchObject({ status: "failed", message: "HTTP 500: body is not valid JSON (after 3 attempts)", attempts: 3 });
    const calls = await loadAmlCalls(id);
    expect(calls.map((c) => [c.attempt, c.outcome, c.httpStatus])).toEqual([
      [1, "unknown", 500],
      [2, "unknown", 500],
      [3, "unknown", 500],
    ]);
    for (const call of calls) {
      expect(call.responseBody).toBe(AMLYZE_MALFORMED_500_BODY);
      expect(call.requestBody).toBe(submission!.requestBody);
    }
    expect(new Set(amlyze.sandbox.submissions().map((s) => s.communicationNumber))).toEqual(new Set([submission!.communicationNumber]));
    expect(await view(id)).toMatchObject({ state: "failed", priority: 1 });
    expect((await loadEnrollment(id)).status).toBe("pushed");
  });

  it("a reset after AMLYZE processed it: resent under the same communicationNumber, then accepted", async () => {
    amlyze = await startAmlyze({ fault: { kind: "reset", afterProcessing: true, times: 1 } });
    const id = await pushed();
    const deps = amlDeps(amlyze, lockPool);
    await runAmlSubmissions(deps, id);
    await runAmlSubmissions(deps, id);
    expect((await loadSubmissions(id))[0]!.status).toBe("accepted");
    expect((await loadAmlCalls(id)).map((c) => c.outcome)).toEqual(["unknown", "success"]);
    const numbers = amlyze.sandbox.submissions().map((s) => s.communicationNumber);
    expect(numbers).toHaveLength(2);
    expect(numbers[0]).toBe(numbers[1]);
  });

  it("a worker that died mid-call left a pending attempt: closed as unknown, the same body sent again", async () => {
    amlyze = await startAmlyze();
    const id = await pushed();
    const [submission] = await loadSubmissions(id);
    await prisma.$transaction([
      prisma.outboundCall.create({
        data: { enrollmentId: id, step: "amlyze_simplified_customer", callKey: amlCallKey(submission!.id), attempt: 1, url: "http://amlyze", requestBody: submission!.requestBody },
      }),
      prisma.amlSubmission.update({ where: { id: submission!.id }, data: { status: "sending", attempts: 1 } }),
    ]);
    await runAmlSubmissions(amlDeps(amlyze, lockPool), id);
    const calls = await loadAmlCalls(id);
    expect(calls.map((c) => [c.attempt, c.outcome, c.error])).toEqual([
      [1, "unknown", reasonText(STALE_AML_ATTEMPT_REASON)],
      [2, "success", null],
    ]);
    expect(calls[1]!.requestBody).toBe(submission!.requestBody);
    expect((await loadSubmissions(id))[0]).toMatchObject({ status: "accepted", attempts: 2 });
  });

  it("another worker holding the enrollment's AML lock: busy, nothing sent", async () => {
    amlyze = await startAmlyze();
    const id = await pushed();
    const holder = await lockPool.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [`amlyze:${id}`]);
      expect(await runAmlSubmissions(amlDeps(amlyze, lockPool), id)).toEqual({ kind: "busy" });
      await holder.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [`amlyze:${id}`]);
    } finally {
      holder.release();
    }
    expect(amlyze.sandbox.submissions()).toEqual([]);
  });
});

describe("circuit breaker", () => {
  it("after the threshold, calls fail fast: no request, no attempt used, the job moved to the end of the cool-down", async () => {
    amlyze = await startAmlyze({ fault: { kind: "status500" } });
    let clock = Date.parse("2026-11-21T10:00:00Z");
    const breaker = createCircuitBreaker({ name: "amlyze", failureThreshold: 2, windowMs: 60_000, cooldownMs: 30_000, now: () => clock });
    const deps = amlDeps(amlyze, lockPool, { breaker, attempts: 5, now: () => new Date(clock) });
    const a = await pushed();
    const b = await pushed();
    await runAmlSubmissions(deps, a);
    await runAmlSubmissions(deps, b);
    expect(breaker.state()).toBe("open");
    const c = await pushed();
    const result = await runAmlSubmissions(deps, c);
    expect(result).toEqual({ kind: "waiting", until: new Date(clock + 30_000), sent: 0 });
    expect(await loadAmlCalls(c)).toEqual([]);
    const [waiting] = await loadSubmissions(c);
    expect(waiting).toMatchObject({ status: "queued", attempts: 0, nextAttemptAt: new Date(clock + 30_000) });
    expect(waiting!.message).toMatch(/circuit open/);
    expect((await loadAmlJobs(c))[0]!.run_at).toEqual(new Date(clock + 30_000));
    expect(amlyze.sandbox.submissions()).toHaveLength(2);

    // Cool-down over and AMLYZE back: the trial call goes through and closes the circuit.
    amlyze.sandbox.setFault(undefined);
    clock += 30_000;
    expect(await runAmlSubmissions(deps, c)).toEqual({ kind: "done", sent: 1 });
    expect(breaker.state()).toBe("closed");
    expect((await loadSubmissions(c))[0]!.status).toBe("accepted");
  });
});

describe("sweep", () => {
  it("re-enqueues a submission a dead worker left sending, and leaves one whose lock is held", async () => {
    const orphan = await pushed();
    const running = await pushed();
    await removeJobs([orphan, running]);
    await prisma.amlSubmission.updateMany({ where: { enrollmentId: { in: [orphan, running] } }, data: { status: "sending" } });
    const holder = await lockPool.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [`amlyze:${running}`]);
      await sweepOrphanedAmlSubmissions(lockPool, 30_000);
      expect(await loadAmlJobs(orphan)).toHaveLength(1);
      expect(await loadAmlJobs(running)).toHaveLength(0);
      await holder.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [`amlyze:${running}`]);
    } finally {
      holder.release();
    }
  });
});

const AMLYZE_TEST_TOKEN_FRAGMENT = "aml-test-token";
