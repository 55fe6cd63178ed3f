// The push of one enrollment to the bank core, as a state machine that lives in the database.
// Any worker may run it, any number of times, from any point: every step first looks at what
// the database says already happened. Two rules make a crash harmless (CONTRACTS §2, §3, §5):
//   1. Before a request leaves, its attempt row is committed as `pending` (the intent). An
//      answer is recorded, with the state it causes, in one transaction.
//   2. A pending row found later means "a worker died with this request in flight". For
//      core_customer that is fine (the core upserts: send again). For core_product the account
//      may exist: the product goes to a person ("needs reconciliation"), never back to the core.
// Only one run per enrollment at a time: a session advisory lock, which PostgreSQL releases by
// itself when the worker's connection dies.
import type pg from "pg";
import { createAmlSubmission } from "@/lib/aml/create-submission";
import { releaseSessionLock, trySessionLock, withSessionLock } from "@/lib/db/advisory-lock";
import type { TAmlMessageSettings } from "@/lib/aml/settings";
import { piiOwner } from "@/lib/crypto/pii";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { OutboundOutcome, ProductRequestStatus } from "@/lib/generated/prisma/enums";
import type { TExchange } from "@/lib/integrations/http/base-client";
import type { TCoreAccount, TCoreCustomerResult, TCoreProductResult } from "@/lib/integrations/core/map";
import type { TCoreClient } from "@/lib/integrations/core/client";
import { refusalReason } from "@/lib/integrations/core/map";
import { backoffDelay } from "@/lib/integrations/core/retry";
import { IntegrationError } from "@/lib/integrations/http/errors";
import type { TCoreCustomerPayload } from "@/lib/integrations/core/schemas";
import { logger } from "@/lib/logger";
import { openIdentities, sealJson, sealReason, sealText } from "@/lib/pii/identities";
import type { TReason } from "@/lib/reasons/reason";
import { v7 as uuidv7 } from "uuid";
import { statusAfterUnsent } from "@/lib/enrollment/status";
import { identityBlock } from "@/lib/enrollment/identity-match";
import { ALL_BRANCHES, readIdentityMatch } from "@/lib/enrollment/identity-matches";
import { notifyPushEnded } from "@/lib/notifications/events";
import { settleEnrollment } from "./settle";

/** Where a test may kill the worker (see scripts/worker.ts); never used in production. */
export type TCrashPoint = "before_send" | "after_send" | "after_response" | "before_commit";

export type TPushDeps = {
  db: PrismaClient;
  /** Connections for the per-enrollment session lock (one held per running push). */
  lockPool: pg.Pool;
  core: TCoreClient;
  /** Base URL of the core, to record the target of an attempt before it is sent. */
  coreBaseUrl: string;
  /** Attempts of core_customer, including the first. */
  customerAttempts: number;
  /** Attempts of core_product while the request certainly never left (connection refused, DNS). */
  productNotSentAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** What every AMLYZE simplified-customer body carries (requester, category, status, extras). */
  amlMessage: TAmlMessageSettings;
  sleep?: (ms: number) => Promise<void>;
  crashpoint?: (point: TCrashPoint) => void;
};

export type TPushRunResult =
  /** Another worker holds this enrollment's lock; it will finish the push. */
  | { kind: "busy" }
  /** Nothing to do: the enrollment is not being pushed (already settled, or gone). */
  | { kind: "idle" }
  | { kind: "settled"; status: string };

export const STALE_ATTEMPT_REASON: TReason = { code: "call.worker_stopped", target: "core" };

const lockKey = (enrollmentId: string) => `push:${enrollmentId}`;
/** Held around core_customer by every push of one identity (its blind index, never the number). */
export const identityLockKey = (identityIndex: string) => `identity:${identityIndex}`;
export const customerCallKey = (enrollmentId: string, pushSeq: number) => `core_customer:${enrollmentId}:${pushSeq}`;
export const productCallKey = (productRequestId: string, sendCount: number) => `core_product:${productRequestId}:${sendCount}`;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Advances the push of one enrollment as far as it can go; safe to call again at any time. */
export async function runPush(deps: TPushDeps, enrollmentId: string): Promise<TPushRunResult> {
  const client = await deps.lockPool.connect();
  let locked = false;
  let broken = false;
  try {
    locked = await trySessionLock(client, lockKey(enrollmentId));
    if (!locked) return { kind: "busy" };
    return await advance(deps, client, enrollmentId);
  } finally {
    if (locked) broken = !(await releaseSessionLock(client, lockKey(enrollmentId)));
    // A connection whose unlock failed must not go back to the pool still holding the lock.
    client.release(broken);
  }
}

type TRunContext = {
  enrollmentId: string;
  pushSeq: number;
  triggeredById: string | null;
};

async function advance(deps: TPushDeps, lockClient: pg.PoolClient, enrollmentId: string): Promise<TPushRunResult> {
  const enrollment = await deps.db.enrollment.findUnique({
    where: { id: enrollmentId },
    select: { status: true, pushSeq: true, pushRequestedById: true, payload: true, identityIndex: true },
  });
  if (!enrollment || enrollment.status !== "pushing") return { kind: "idle" };
  const run: TRunContext = { enrollmentId, pushSeq: enrollment.pushSeq, triggeredById: enrollment.pushRequestedById };

  // Under the lock nothing else changes the payload: a push freezes it (see save-section). The
  // core gets the identity numbers in clear; what is recorded of the exchange is sealed.
  const payload = openIdentities(enrollment.payload, piiOwner.enrollment(enrollmentId));
  // Pushes of one identity take turns at core_customer: the first creates the customer, the next
  // find its number (identityTarget) and update it. The lock is the session's, on the connection
  // that holds this enrollment's, so a worker that dies lets it go with the other.
  const customer = await (enrollment.identityIndex === null
    ? customerStep(deps, run, payload)
    : withSessionLock(lockClient, identityLockKey(enrollment.identityIndex), () => customerStep(deps, run, payload)));
  if (customer.kind === "stopped") return { kind: "settled", status: customer.status };
  await productStep(deps, run, customer.customerNumber);
  const status = await deps.db.$transaction((tx) => settleEnrollment(tx, run.enrollmentId, run.pushSeq));
  return status === null ? { kind: "idle" } : { kind: "settled", status };
}

// ---- shared ------------------------------------------------------------------------------

const WORKER_LABEL = "system:push-worker";

/** The exact bytes of a request or response as they are stored: sealed as a whole. */
const sealBody = (run: TRunContext, text: string | null) => sealText(text, piiOwner.enrollmentBody(run.enrollmentId));
/** A reason as it is stored: it may carry the core's words, which may echo a document number. */
const sealWhy = (enrollmentId: string, reason: TReason | null) => sealReason(reason, piiOwner.enrollmentBody(enrollmentId));
/** What the core answered, parsed (its messages, its accounts), sealed as a whole. */
const sealAnswer = (enrollmentId: string, value: unknown) => JSON.stringify(sealJson(value, piiOwner.enrollmentBody(enrollmentId)) ?? null);

/** Writes what came back (or did not) onto the attempt's intent row. */
async function recordAnswer(tx: Prisma.TransactionClient, run: TRunContext, rowId: string, exchange: TExchange, outcome: OutboundOutcome, parsed: unknown): Promise<void> {
  const o = exchange.outcome;
  await tx.$executeRaw`
    UPDATE outbound_calls SET
      url = ${exchange.url},
      request_body = ${sealBody(run, exchange.requestBody)},
      http_status = ${o.kind === "response" ? o.status : null}::int,
      response_body = ${sealBody(run, o.kind === "response" ? o.rawBody : null)},
      error = ${sealWhy(run.enrollmentId, o.kind === "response" ? null : o.reason)},
      duration_ms = ${exchange.durationMs}::int,
      finished_at = now(),
      outcome = ${outcome}::"OutboundOutcome",
      parsed = ${sealAnswer(run.enrollmentId, parsed)}::jsonb
    WHERE id = ${rowId}::uuid`;
}

/** Marks attempts left `pending` by a worker that died; their outcome is unknown by definition. */
async function closeStaleAttempts(db: PrismaClient | Prisma.TransactionClient, run: TRunContext, callKey: string): Promise<number> {
  const closed = await db.outboundCall.updateMany({
    where: { callKey, outcome: "pending" },
    data: { outcome: "unknown", error: sealWhy(run.enrollmentId, STALE_ATTEMPT_REASON), finishedAt: new Date() },
  });
  return closed.count;
}

async function recordAudit(tx: Prisma.TransactionClient, run: TRunContext, action: string, details: Prisma.InputJsonValue) {
  await tx.auditEvent.create({
    data: { actorId: null, actorLabel: "system:push-worker", action, targetType: "enrollment", targetId: run.enrollmentId, details },
  });
}

// ---- step 1: core_customer ---------------------------------------------------------------

type TCustomerStep = { kind: "done"; customerNumber: number } | { kind: "stopped"; status: string };

function customerOutcome(result: TCoreCustomerResult, exchange: TExchange): OutboundOutcome {
  if (result.kind === "created") return "success";
  if (result.kind === "rejected") return "rejected";
  return exchange.outcome.kind === "not_sent" ? "not_sent" : "unknown";
}

/** The reviewed payload with client_info.customer_number set: null the first time, the number after. */
export function customerBody(payload: unknown, customerNumber: bigint | null): TCoreCustomerPayload {
  const body = { ...(payload as Record<string, unknown>) };
  const clientInfo = { ...((body.client_info as Record<string, unknown> | undefined) ?? {}) };
  clientInfo.customer_number = customerNumber === null ? null : Number(customerNumber);
  body.client_info = clientInfo;
  // The core client checks the shape before anything is sent (and throws if it is wrong).
  return body as TCoreCustomerPayload;
}

/**
 * Who the core knows this person as, read under the identity's lock: the enrollment's own customer
 * number, else the one the identity already has (another enrollment of the same document), else
 * none (a create). A conflict no officer decided stops the push before anything is sent.
 */
async function identityTarget(db: PrismaClient, enrollmentId: string): Promise<{ customerNumber: bigint | null; own: boolean; blocked: boolean }> {
  const match = await readIdentityMatch(db, enrollmentId, ALL_BRANCHES);
  const customer = match?.customer ?? null;
  return { customerNumber: customer === null ? null : BigInt(customer.number), own: customer?.own === true, blocked: match !== null && identityBlock(match) !== null };
}

async function customerStep(deps: TPushDeps, run: TRunContext, payload: unknown): Promise<TCustomerStep> {
  const { db } = deps;
  const callKey = customerCallKey(run.enrollmentId, run.pushSeq);
  const earlier = await db.outboundCall.findMany({ where: { callKey }, select: { outcome: true } });
  const target = await identityTarget(db, run.enrollmentId);
  const storedNumber = target.customerNumber;
  // A success is recorded with the customer number in one transaction: the number is there.
  if (earlier.some((row) => row.outcome === "success") && target.own) return { kind: "done", customerNumber: Number(storedNumber) };
  if (target.blocked) return { kind: "stopped", status: await stopConflict(deps, run, { inCore: target.own }) };
  // Re-sending core_customer is safe (the core upserts), so a dead worker's attempt only needs closing.
  if (earlier.some((row) => row.outcome === "pending")) await closeStaleAttempts(db, run, callKey);
  let attempt = earlier.length;
  const body = customerBody(payload, storedNumber);
  const requestBody = JSON.stringify(body);
  const url = `${deps.coreBaseUrl.replace(/\/+$/, "")}/core_customer`;

  for (;;) {
    attempt += 1;
    const rowId = uuidv7();
    await db.$executeRaw`
      INSERT INTO outbound_calls (id, enrollment_id, step, call_key, attempt, triggered_by_id, url, request_body)
      VALUES (${rowId}::uuid, ${run.enrollmentId}::uuid, 'core_customer', ${callKey}, ${attempt}, ${run.triggeredById}::uuid, ${url}, ${sealBody(run, requestBody)})`;
    deps.crashpoint?.("before_send");
    let call;
    try {
      const pending = deps.core.pushCustomer(body);
      deps.crashpoint?.("after_send");
      call = await pending;
    } catch (error) {
      // Our request failed its own schema: nothing left, and sending it again cannot help.
      if (!(error instanceof IntegrationError)) throw error;
      return { kind: "stopped", status: await stopInvalid(deps, run, rowId, { code: "request.invalid", detail: error.message }) };
    }
    deps.crashpoint?.("after_response");
    const { exchange, result } = call;
    const more = result.kind === "retryable" && attempt < deps.customerAttempts;

    // What the answer does to the enrollment; null = nothing yet (another attempt follows).
    const change: { status: string | null; customerNumber: number | null; pushError: TReason | null; audit: string } | null =
      result.kind === "created"
        ? { status: null, customerNumber: result.customerNumber, pushError: null, audit: "core.customer_saved" }
        : result.kind === "rejected"
          ? // The core's message verbatim; the data must change, so back to review.
            { status: statusAfterUnsent("in_review", { inCore: target.own }), customerNumber: null, pushError: refusalReason(result), audit: "core.customer_rejected" }
          : more
            ? null
            : {
                status: statusAfterUnsent("failed", { inCore: target.own }),
                customerNumber: null,
                pushError: { code: "push.customer_failed", cause: result.reason, attempts: attempt },
                audit: "core.customer_failed",
              };

    await db.$transaction(async (tx) => {
      await recordAnswer(tx, run, rowId, exchange, customerOutcome(result, exchange), result);
      if (change) {
        // One statement: the enrollment's new state and its audit event.
        await tx.$executeRaw`
          WITH changed AS (
            UPDATE enrollments SET
              customer_number = COALESCE(${change.customerNumber}::bigint, customer_number),
              customer_since = CASE WHEN ${change.customerNumber}::bigint IS NOT NULL AND customer_since IS NULL THEN now() ELSE customer_since END,
              status = COALESCE(${change.status}::"EnrollmentStatus", status),
              push_error = CASE WHEN ${change.status}::text IS NULL THEN push_error ELSE ${sealWhy(run.enrollmentId, change.pushError)} END,
              push_finished_at = CASE WHEN ${change.status}::text IS NULL THEN push_finished_at ELSE now() END,
              updated_at = now()
            WHERE id = ${run.enrollmentId}::uuid
            RETURNING id)
          INSERT INTO audit_events (actor_label, action, target_type, target_id, details)
          SELECT ${WORKER_LABEL}, ${change.audit}, 'enrollment', id::text, ${JSON.stringify({ attempt, pushSeq: run.pushSeq, ...(result.kind === "rejected" ? { status: result.status } : {}) })}::jsonb
          FROM changed`;
        // The AML submission is born with the customer, in the same transaction (issue 5).
        if (result.kind === "created") await queueAmlSubmission(deps, tx, run, body, result.customerNumber);
        if (change.status) await notifyPushEnded(tx, { enrollmentId: run.enrollmentId, pushSeq: run.pushSeq, status: change.status });
      }
      deps.crashpoint?.("before_commit");
    });

    if (result.kind === "created") return { kind: "done", customerNumber: result.customerNumber };
    if (change?.status) return { kind: "stopped", status: change.status };
    await (deps.sleep ?? realSleep)(backoffDelay(attempt, deps.retryBaseMs, deps.retryMaxMs));
  }
}

/**
 * The customer exists in the core, so AMLYZE must hear of it: one submission per push, in the
 * transaction that records the core's success. Inside a savepoint, because the AML step must
 * never change the core push's outcome: if recording it fails, the core's success still commits
 * and the failure is logged and audited.
 */
async function queueAmlSubmission(deps: TPushDeps, tx: Prisma.TransactionClient, run: TRunContext, body: TCoreCustomerPayload, customerNumber: number) {
  await tx.$executeRaw`SAVEPOINT aml_submission`;
  try {
    await createAmlSubmission(tx, { enrollmentId: run.enrollmentId, pushSeq: run.pushSeq, customerNumber, coreBody: body, settings: deps.amlMessage, triggeredById: run.triggeredById });
    await tx.$executeRaw`RELEASE SAVEPOINT aml_submission`;
  } catch (error) {
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT aml_submission`;
    logger.error({ err: error, enrollmentId: run.enrollmentId, pushSeq: run.pushSeq }, "AML submission could not be recorded");
    await recordAudit(tx, run, "aml.submission_not_recorded", { pushSeq: run.pushSeq });
  }
}

/** Another person's data under this document, undecided: back to review, nothing sent. */
async function stopConflict(deps: TPushDeps, run: TRunContext, enrollment: { inCore: boolean }): Promise<string> {
  const status = statusAfterUnsent("in_review", enrollment);
  await deps.db.$transaction(async (tx) => {
    await tx.enrollment.update({
      where: { id: run.enrollmentId },
      data: { status, pushError: sealWhy(run.enrollmentId, { code: "push.identity_conflict" }), pushFinishedAt: new Date() },
    });
    await recordAudit(tx, run, "core.customer_not_sent", { pushSeq: run.pushSeq, reason: "identity_conflict" });
    await notifyPushEnded(tx, { enrollmentId: run.enrollmentId, pushSeq: run.pushSeq, status });
  });
  return status;
}

async function stopInvalid(deps: TPushDeps, run: TRunContext, rowId: string, reason: TReason): Promise<string> {
  const sealed = sealWhy(run.enrollmentId, reason);
  await deps.db.$transaction(async (tx) => {
    await tx.outboundCall.update({ where: { id: rowId }, data: { outcome: "not_sent", error: sealed, finishedAt: new Date(), durationMs: 0 } });
    await tx.enrollment.update({ where: { id: run.enrollmentId }, data: { status: "failed", pushError: sealed, pushFinishedAt: new Date() } });
    await recordAudit(tx, run, "core.request_invalid", { pushSeq: run.pushSeq });
    await notifyPushEnded(tx, { enrollmentId: run.enrollmentId, pushSeq: run.pushSeq, status: "failed" });
  });
  return "failed";
}

// ---- step 2: core_product ----------------------------------------------------------------

/** What the accounts_info entries say about the product: all opened, some, or none. */
export function statusFromAccounts(accounts: readonly TCoreAccount[]): ProductRequestStatus {
  const created = accounts.filter((a) => a.action === "CREATE").length;
  if (created === 0) return "refused";
  return created === accounts.length ? "opened" : "partial";
}

function productOutcome(result: TCoreProductResult): OutboundOutcome {
  switch (result.kind) {
    case "answered":
      return statusFromAccounts(result.accounts) === "refused" ? "rejected" : "success";
    case "rejected":
      return "rejected";
    case "not_sent":
      return "not_sent";
    case "unknown":
      return "unknown";
  }
}

/** The core's messages of the ERROR entries, verbatim, each with its account product. */
function errorMessages(accounts: readonly TCoreAccount[]): TReason | null {
  const errors = accounts.filter((a) => a.action === "ERROR").map((a) => ({ product: a.accountProduct, message: a.message }));
  return errors.length > 0 ? { code: "core.accounts", accounts: errors } : null;
}

function productBody(enrollmentId: string, product: { productCode: string; openDate: Date; relatedClientInfo: Prisma.JsonValue }, customerNumber: number) {
  const stored = Array.isArray(product.relatedClientInfo) ? product.relatedClientInfo : [];
  const related = openIdentities(stored, piiOwner.enrollment(enrollmentId));
  return {
    product_code: product.productCode,
    customer_number: customerNumber,
    open_date: product.openDate.toISOString().slice(0, 10),
    ...(related.length > 0 ? { related_client_info: related as never } : {}),
  };
}

async function productStep(deps: TPushDeps, run: TRunContext, customerNumber: number): Promise<void> {
  const products = await deps.db.productRequest.findMany({
    where: { enrollmentId: run.enrollmentId, status: { in: ["queued", "sending"] } },
    orderBy: { position: "asc" },
  });
  for (const product of products) {
    if (product.status === "sending") await reconcileInFlight(deps, run, product.id, productCallKey(product.id, product.sendCount));
    else await sendProduct(deps, run, product, customerNumber);
  }
}

/** A dead worker left this product mid-call: the account may exist, so a person decides. */
async function reconcileInFlight(deps: TPushDeps, run: TRunContext, productId: string, callKey: string): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    await closeStaleAttempts(tx, run, callKey);
    await tx.productRequest.update({ where: { id: productId }, data: { status: "needs_reconciliation", message: sealWhy(run.enrollmentId, STALE_ATTEMPT_REASON) } });
    await recordAudit(tx, run, "core.product_unknown", { productRequestId: productId, pushSeq: run.pushSeq, reason: "worker stopped in flight" });
  });
}

type TProductRow = Prisma.ProductRequestGetPayload<object>;

async function sendProduct(deps: TPushDeps, run: TRunContext, product: TProductRow, customerNumber: number): Promise<void> {
  const { db } = deps;
  const callKey = productCallKey(product.id, product.sendCount);
  const body = productBody(run.enrollmentId, product, customerNumber);
  const requestBody = JSON.stringify(body);
  const url = `${deps.coreBaseUrl.replace(/\/+$/, "")}/core_product`;

  for (;;) {
    // The intent, in one statement: the attempt row and the product's `sending`. Once this
    // commits, the request may leave, and a crash means "unknown".
    const rowId = uuidv7();
    const [intent] = await db.$queryRaw<{ attempt: number }[]>`
      WITH attempt AS (
        INSERT INTO outbound_calls (id, enrollment_id, product_request_id, step, call_key, attempt, triggered_by_id, url, request_body)
        SELECT ${rowId}::uuid, ${run.enrollmentId}::uuid, ${product.id}::uuid, 'core_product', ${callKey},
               COALESCE((SELECT max(attempt) FROM outbound_calls WHERE call_key = ${callKey}), 0) + 1,
               ${run.triggeredById}::uuid, ${url}, ${sealBody(run, requestBody)}
        RETURNING attempt),
      marked AS (
        UPDATE product_requests SET status = 'sending', sent_in_push = ${run.pushSeq}, updated_at = now() WHERE id = ${product.id}::uuid)
      SELECT attempt FROM attempt`;
    const attempt = intent!.attempt;
    deps.crashpoint?.("before_send");
    let call;
    try {
      const pending = deps.core.openProduct(body);
      deps.crashpoint?.("after_send");
      call = await pending;
    } catch (error) {
      if (!(error instanceof IntegrationError)) throw error;
      const sealed = sealWhy(run.enrollmentId, { code: "request.invalid", detail: error.message });
      await db.$transaction(async (tx) => {
        await tx.outboundCall.update({ where: { id: rowId }, data: { outcome: "not_sent", error: sealed, finishedAt: new Date(), durationMs: 0 } });
        await tx.productRequest.update({ where: { id: product.id }, data: { status: "refused", message: sealed } });
      });
      return;
    }
    deps.crashpoint?.("after_response");
    const { exchange, result } = call;
    const more = result.kind === "not_sent" && attempt < deps.productNotSentAttempts;

    const next: { status: ProductRequestStatus; accounts: TCoreAccount[] | null; message: TReason | null } = (() => {
      switch (result.kind) {
        case "answered":
          return { status: statusFromAccounts(result.accounts), accounts: result.accounts, message: errorMessages(result.accounts) };
        case "rejected":
          return { status: "refused", accounts: null, message: refusalReason(result) };
        case "not_sent":
          // Certainly never reached the core: safe to send again, now or on the next push.
          return { status: "queued", accounts: null, message: { code: "call.not_sent", cause: result.reason } };
        case "unknown":
          return { status: "needs_reconciliation", accounts: null, message: result.reason };
      }
    })();
    const details = JSON.stringify({ productRequestId: product.id, productCode: product.productCode, attempt, pushSeq: run.pushSeq });

    await db.$transaction(async (tx) => {
      await recordAnswer(tx, run, rowId, exchange, productOutcome(result), result);
      await tx.$executeRaw`
        WITH changed AS (
          UPDATE product_requests SET
            status = ${next.status}::"ProductRequestStatus",
            accounts = COALESCE(${next.accounts === null ? null : sealAnswer(run.enrollmentId, next.accounts)}::jsonb, accounts),
            message = ${sealWhy(run.enrollmentId, next.message)},
            updated_at = now()
          WHERE id = ${product.id}::uuid
          RETURNING id)
        INSERT INTO audit_events (actor_label, action, target_type, target_id, details)
        SELECT ${WORKER_LABEL}, ${`core.product_${next.status}`}, 'enrollment', ${run.enrollmentId}, ${details}::jsonb FROM changed`;
      deps.crashpoint?.("before_commit");
    });
    if (!more) return;
    await (deps.sleep ?? realSleep)(backoffDelay(attempt, deps.retryBaseMs, deps.retryMaxMs));
  }
}
