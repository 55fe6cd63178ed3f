// Sends an enrollment's waiting AML submissions to AMLYZE, with the core push's two rules
// (lib/push/pipeline.ts): an attempt's row is committed `pending` before the request leaves,
// and the answer is recorded with the state it causes in one transaction. Unlike core_product,
// simplified-customer is keyed by communicationNumber + customerExtId, so a pending row left by
// a dead worker is closed as unknown and the same body is sent again.
//
// Backoff is durable: a retryable answer moves the job to `next_attempt_at` instead of
// sleeping in the worker. While the circuit breaker is open nothing is sent and no attempt is
// recorded: the job is moved to the end of the cool-down (an open circuit is our decision not
// to call, not an attempt, so it must not use up the submission's attempts while AMLYZE is down).
import type pg from "pg";
import { piiOwner } from "@/lib/crypto/pii";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { OutboundOutcome } from "@/lib/generated/prisma/enums";
import { CircuitOpenError, type TCircuitBreaker } from "@/lib/integrations/amlyze/circuit-breaker";
import type { TAmlyzeCall, TAmlyzeClient } from "@/lib/integrations/amlyze/client";
import type { TAmlyzeResult } from "@/lib/integrations/amlyze/map";
import { ZSimplifiedCustomerRequest } from "@/lib/integrations/amlyze/schemas";
import { backoffDelay } from "@/lib/integrations/core/retry";
import type { TExchange } from "@/lib/integrations/http/base-client";
import { describeIssues } from "@/lib/integrations/http/errors";
import { openReason, openText, sealJson, sealReason, sealText } from "@/lib/pii/identities";
import type { TReason } from "@/lib/reasons/reason";
import { AML_ACTOR_LABEL } from "./create-submission";
import { lockAmlCustomer, prismaRunner, saveAmlCustomer } from "./customer-store";
import { enqueueAmlSubmit } from "./jobs";

export type TAmlSubmitDeps = {
  db: PrismaClient;
  /** Connections for the per-enrollment session lock (one held per running job). */
  lockPool: pg.Pool;
  client: TAmlyzeClient;
  /** The full simplified-customer URL, recorded on each attempt before it is sent. */
  url: string;
  /** One per worker process: while AMLYZE is down, calls fail fast. */
  breaker: TCircuitBreaker;
  /** Attempts of one submission, including the first. */
  attempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  now?: () => Date;
  random?: () => number;
};

export type TAmlRunResult =
  /** Another worker holds this enrollment's AML lock. */
  | { kind: "busy" }
  /** Every submission of the enrollment reached accepted, rejected or failed. */
  | { kind: "done"; sent: number }
  /** A submission waits for its backoff or for the circuit to close; the job was moved there. */
  | { kind: "waiting"; until: Date; sent: number };

export const STALE_AML_ATTEMPT_REASON: TReason = { code: "call.worker_stopped", target: "amlyze" };

export const amlCallKey = (submissionId: string) => `amlyze_simplified_customer:${submissionId}`;
/** The advisory lock held while an enrollment's submissions are being sent (the sweep tests it). */
export const amlLockKey = (enrollmentId: string) => `amlyze:${enrollmentId}`;

/** Sends what is due; safe to call again at any time, from any worker. */
export async function runAmlSubmissions(deps: TAmlSubmitDeps, enrollmentId: string): Promise<TAmlRunResult> {
  const client = await deps.lockPool.connect();
  let locked = false;
  let broken = false;
  try {
    const result = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok", [amlLockKey(enrollmentId)]);
    locked = result.rows[0]?.ok === true;
    if (!locked) return { kind: "busy" };
    return await advance(deps, enrollmentId);
  } finally {
    if (locked) {
      await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [amlLockKey(enrollmentId)]).catch(() => {
        broken = true;
      });
    }
    client.release(broken);
  }
}

type TSubmission = { id: string; enrollmentId: string; requestBody: string; nextAttemptAt: Date | null; triggeredById: string | null };

async function advance(deps: TAmlSubmitDeps, enrollmentId: string): Promise<TAmlRunResult> {
  const now = deps.now ?? (() => new Date());
  let sent = 0;
  for (;;) {
    // Oldest first: each push's message reaches AMLYZE in the order the pushes happened.
    const submission = await deps.db.amlSubmission.findFirst({
      where: { enrollmentId, status: { in: ["queued", "sending"] } },
      orderBy: { createdAt: "asc" },
      select: { id: true, enrollmentId: true, requestBody: true, nextAttemptAt: true, triggeredById: true },
    });
    if (!submission) return { kind: "done", sent };
    if (submission.nextAttemptAt && submission.nextAttemptAt > now()) {
      // Woken early (a sweep, a new push): keep the job at the submission's own time.
      const until = submission.nextAttemptAt;
      await deps.db.$transaction((tx) => enqueueAmlSubmit(tx, enrollmentId, until));
      return { kind: "waiting", until, sent };
    }
    const step = await attemptSubmission(deps, submission);
    if (step.sent) sent += 1;
    if (step.kind === "wait") return { kind: "waiting", until: step.until, sent };
  }
}

type TStep = { kind: "next"; sent: boolean } | { kind: "wait"; until: Date; sent: boolean };

function outcomeOf(result: TAmlyzeResult, exchange: TExchange): OutboundOutcome {
  if (result.kind === "accepted") return "success";
  if (result.kind === "rejected") return "rejected";
  return exchange.outcome.kind === "not_sent" ? "not_sent" : "unknown";
}

function exchangeColumns(exchange: TExchange, owner: string) {
  const outcome = exchange.outcome;
  return {
    url: exchange.url,
    requestBody: sealText(exchange.requestBody, owner),
    httpStatus: outcome.kind === "response" ? outcome.status : null,
    responseBody: sealText(outcome.kind === "response" ? outcome.rawBody : null, owner),
    error: sealReason(outcome.kind === "response" ? null : outcome.reason, owner),
    durationMs: exchange.durationMs,
    finishedAt: new Date(),
  };
}

/**
 * The parsed outcome as stored, sealed as a whole (AMLYZE's reasons may echo what was sent):
 * without a rejection's `raw`, which repeats the response body (stored sealed on its own).
 */
function parsedColumn(result: TAmlyzeResult, owner: string): Prisma.InputJsonValue {
  if (result.kind !== "rejected") return sealJson(result, owner) as Prisma.InputJsonValue;
  const { raw: _raw, ...rest } = result;
  return sealJson(rest, owner) as Prisma.InputJsonValue;
}

async function audit(tx: Prisma.TransactionClient, submission: TSubmission, action: string, details: Prisma.InputJsonObject) {
  await tx.auditEvent.create({
    data: { actorId: null, actorLabel: AML_ACTOR_LABEL, action, targetType: "enrollment", targetId: submission.enrollmentId, details: { submissionId: submission.id, ...details } },
  });
}

type TSubmissionUpdate = {
  status: "queued" | "sending" | "accepted" | "rejected" | "failed";
  /** Why it waits, failed or was refused: a reason (AMLYZE's words among its parameters), stored sealed. */
  message: TReason | null;
  /** AMLYZE's reasons for a refusal, verbatim, stored sealed. */
  errors?: ReadonlyArray<{ code?: string; message: string }>;
  nextAttemptAt?: Date | null;
  finishedAt?: Date | null;
  attempts?: number;
};

/** Updates the submission and, when it is the customer's latest, the customer's AML view. */
async function updateSubmission(tx: Prisma.TransactionClient, submission: TSubmission, data: TSubmissionUpdate): Promise<void> {
  const owner = piiOwner.enrollmentBody(submission.enrollmentId);
  const { message, errors, ...rest } = data;
  const row = await tx.amlSubmission.update({
    where: { id: submission.id },
    data: { ...rest, message: sealReason(message, owner), ...(errors === undefined ? {} : { errors: sealJson([...errors], owner) as Prisma.InputJsonValue }) },
    select: { customerExtId: true },
  });
  const run = prismaRunner(tx);
  const view = await lockAmlCustomer(run, row.customerExtId);
  if (view.submissionId !== null && view.submissionId !== submission.id) return;
  await saveAmlCustomer(run, { ...view, submissionId: submission.id, submissionStatus: data.status, submissionMessage: message });
}

async function fail(deps: TAmlSubmitDeps, submission: TSubmission, message: TReason, attempts: number): Promise<TStep> {
  await deps.db.$transaction(async (tx) => {
    await updateSubmission(tx, submission, { status: "failed", message, nextAttemptAt: null, finishedAt: new Date() });
    await audit(tx, submission, "aml.submission_failed", { attempts });
  });
  return { kind: "next", sent: false };
}

/** The circuit is open: nothing is sent or recorded as an attempt; the job waits for the cool-down. */
async function waitForCircuit(deps: TAmlSubmitDeps, submission: TSubmission, retryAt: number): Promise<TStep> {
  const now = (deps.now ?? (() => new Date()))();
  // Half-open with a trial in flight reports a retryAt already past: look again shortly.
  const until = new Date(Math.max(retryAt, now.getTime() + 1_000));
  await deps.db.$transaction(async (tx) => {
    await updateSubmission(tx, submission, { status: "queued", message: { code: "aml.circuit_open", until: until.toISOString() }, nextAttemptAt: until });
    await enqueueAmlSubmit(tx, submission.enrollmentId, until);
  });
  return { kind: "wait", until, sent: false };
}

async function attemptSubmission(deps: TAmlSubmitDeps, submission: TSubmission): Promise<TStep> {
  const { db } = deps;
  const callKey = amlCallKey(submission.id);
  // A body (or a reason) that does not open (its key is not listed) throws: the job is retried
  // once the worker has the key, rather than the submission failing for a configuration mistake.
  const owner = piiOwner.enrollmentBody(submission.enrollmentId);
  await db.outboundCall.updateMany({
    where: { callKey, outcome: "pending" },
    data: { outcome: "unknown", error: sealReason(STALE_AML_ATTEMPT_REASON, owner), finishedAt: new Date() },
  });
  const made = await db.outboundCall.count({ where: { callKey } });
  if (made >= deps.attempts) {
    const last = await db.outboundCall.findFirst({ where: { callKey }, orderBy: { attempt: "desc" }, select: { error: true, httpStatus: true } });
    const reason: TReason = openReason(last?.error ?? null, owner) ?? (last?.httpStatus ? { code: "http.status", status: last.httpStatus } : { code: "aml.no_answer" });
    return fail(deps, submission, { code: "aml.failed_after", cause: reason, attempts: made }, made);
  }

  const requestBody = openText(submission.requestBody, owner);
  let stored: unknown;
  try {
    stored = JSON.parse(requestBody);
  } catch {
    return fail(deps, submission, { code: "aml.stored_body_not_json" }, made);
  }
  const checked = ZSimplifiedCustomerRequest.safeParse(stored);
  if (!checked.success) return fail(deps, submission, { code: "request.invalid", detail: `simplified-customer: ${describeIssues(checked.error)}` }, made);
  const body = checked.data;

  const attempt = made + 1;
  let rowId: string | undefined;
  let call: TAmlyzeCall;
  try {
    call = await deps.breaker.execute(
      async () => {
        // The intent: once this commits, the request may leave, and a crash means "unknown".
        const row = await db.$transaction(async (tx) => {
          const created = await tx.outboundCall.create({
            data: {
              enrollmentId: submission.enrollmentId,
              step: "amlyze_simplified_customer",
              callKey,
              attempt,
              triggeredById: submission.triggeredById,
              url: deps.url,
              // Sealed again (fresh IV): the same bytes once opened.
              requestBody: sealText(requestBody, owner),
            },
            select: { id: true },
          });
          await updateSubmission(tx, submission, { status: "sending", message: null, attempts: attempt, nextAttemptAt: null });
          return created;
        });
        rowId = row.id;
        return deps.client.submitCustomer(body);
      },
      (result) => result.result.kind === "retryable",
    );
  } catch (error) {
    if (error instanceof CircuitOpenError && rowId === undefined) return waitForCircuit(deps, submission, error.retryAt);
    throw error;
  }

  const { exchange, result } = call;
  const more = result.kind === "retryable" && attempt < deps.attempts;
  const nextAt = more ? new Date((deps.now ?? (() => new Date()))().getTime() + backoffDelay(attempt, deps.retryBaseMs, deps.retryMaxMs, deps.random)) : null;

  await db.$transaction(async (tx) => {
    await tx.outboundCall.update({
      where: { id: rowId! },
      data: { ...exchangeColumns(exchange, owner), outcome: outcomeOf(result, exchange), parsed: parsedColumn(result, owner) },
    });
    switch (result.kind) {
      case "accepted":
        await updateSubmission(tx, submission, { status: "accepted", message: null, errors: [], finishedAt: new Date() });
        await audit(tx, submission, "aml.submission_accepted", { attempt });
        return;
      case "rejected":
        await updateSubmission(tx, submission, { status: "rejected", message: { code: "amlyze.errors", errors: result.errors }, errors: result.errors, finishedAt: new Date() });
        await audit(tx, submission, "aml.submission_rejected", { attempt, status: result.status, codes: result.errors.flatMap((e) => (e.code ? [e.code] : [])) });
        return;
      case "retryable":
        if (nextAt) {
          await updateSubmission(tx, submission, { status: "queued", message: { code: "aml.attempt_failed", attempt, cause: result.reason }, nextAttemptAt: nextAt });
          await enqueueAmlSubmit(tx, submission.enrollmentId, nextAt);
        } else {
          await updateSubmission(tx, submission, {
            status: "failed",
            message: { code: "aml.failed_after", cause: result.reason, attempts: attempt },
            nextAttemptAt: null,
            finishedAt: new Date(),
          });
          await audit(tx, submission, "aml.submission_failed", { attempts: attempt });
        }
    }
  });
  return nextAt ? { kind: "wait", until: nextAt, sent: true } : { kind: "next", sent: true };
}
