// Reads and writes rows of aml_customers under row locks, so the webhook and the submission
// worker never overwrite each other's changes to the same customer. The SQL runs through Prisma
// (the submission worker, inside its transactions) or a plain pg client (the webhook's hot path).
import type pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { resultsFromRow, summarize, type TAmlResults, type TAmlState, type TAmlSubmissionStatus } from "./view";

/** Runs one statement inside the caller's transaction and returns its rows. */
export type TSqlRunner = <T>(sql: Prisma.Sql) => Promise<T[]>;

export const prismaRunner =
  (tx: Prisma.TransactionClient): TSqlRunner =>
  <T,>(sql: Prisma.Sql) =>
    tx.$queryRaw<T[]>(sql);

export const pgRunner =
  (client: pg.PoolClient): TSqlRunner =>
  async <T,>(sql: Prisma.Sql) =>
    (await client.query(sql.text, sql.values)).rows as T[];

export type TAmlCustomerRow = {
  customerExtId: string;
  enrollmentId: string | null;
  submissionId: string | null;
  submissionStatus: TAmlSubmissionStatus | null;
  communicationNumber: string | null;
  submittedAt: Date | null;
  submissionMessage: string | null;
  results: TAmlResults;
  eventCount: number;
  unknownEventCount: number;
  lastEventAt: Date | null;
  state: TAmlState;
};

type TRawRow = {
  customer_ext_id: string;
  enrollment_id: string | null;
  submission_id: string | null;
  submission_status: TAmlSubmissionStatus | null;
  communication_number: string | null;
  submitted_at: Date | null;
  submission_message: string | null;
  screening: unknown;
  kyc: unknown;
  profile: unknown;
  event_count: number;
  unknown_event_count: number;
  last_event_at: Date | null;
  state: TAmlState;
};

/** Creates the missing rows and locks all of them until the transaction ends, in one order (no deadlock). */
export async function lockAmlCustomers(run: TSqlRunner, customerExtIds: readonly string[]): Promise<Map<string, TAmlCustomerRow>> {
  const ids = [...new Set(customerExtIds)].sort();
  if (ids.length === 0) return new Map();
  await run(Prisma.sql`
    INSERT INTO aml_customers (customer_ext_id, updated_at) SELECT id, now() FROM unnest(${ids}::text[]) AS id ORDER BY id
    ON CONFLICT (customer_ext_id) DO NOTHING`);
  const rows = await run<TRawRow>(Prisma.sql`
    SELECT customer_ext_id, enrollment_id::text, submission_id::text, submission_status::text AS submission_status, communication_number,
           submitted_at, submission_message, screening, kyc, profile, event_count, unknown_event_count, last_event_at, state::text AS state
    FROM aml_customers WHERE customer_ext_id = ANY(${ids}::text[]) ORDER BY customer_ext_id FOR UPDATE`);
  return new Map(
    rows.map((row) => [
      row.customer_ext_id,
      {
        customerExtId: row.customer_ext_id,
        enrollmentId: row.enrollment_id,
        submissionId: row.submission_id,
        submissionStatus: row.submission_status,
        communicationNumber: row.communication_number,
        submittedAt: row.submitted_at,
        submissionMessage: row.submission_message,
        results: resultsFromRow(row),
        eventCount: row.event_count,
        unknownEventCount: row.unknown_event_count,
        lastEventAt: row.last_event_at,
        state: row.state,
      },
    ]),
  );
}

/** One customer's row, created if needed, locked until the transaction ends. */
export async function lockAmlCustomer(run: TSqlRunner, customerExtId: string): Promise<TAmlCustomerRow> {
  const row = (await lockAmlCustomers(run, [customerExtId])).get(customerExtId);
  if (!row) throw new Error("aml_customers row vanished inside its own transaction");
  return row;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * Writes the row back with every derived column recomputed, and mirrors the state on the
 * linked enrollment (`aml_status`, which the intake API reports to the onboarding app).
 */
export async function saveAmlCustomer(run: TSqlRunner, row: TAmlCustomerRow): Promise<TAmlState> {
  const summary = summarize(row.results, row.submissionStatus);
  await run(Prisma.sql`
    WITH saved AS (
      UPDATE aml_customers SET
        enrollment_id = ${row.enrollmentId}::uuid,
        state = ${summary.state}::"AmlState",
        priority = ${summary.priority}::int,
        risk_rank = ${summary.riskRank}::int,
        submission_id = ${row.submissionId}::uuid,
        submission_status = ${row.submissionStatus}::"AmlSubmissionStatus",
        communication_number = ${row.communicationNumber},
        submitted_at = ${row.submittedAt}::timestamptz,
        submission_message = ${row.submissionMessage},
        screening = ${json(row.results.screening)}::jsonb,
        kyc = ${json(row.results.kyc)}::jsonb,
        profile = ${json(row.results.profile)}::jsonb,
        sanctions_hit = ${summary.hits.sanctions}::boolean,
        pep_hit = ${summary.hits.pep}::boolean,
        adverse_media_hit = ${summary.hits.adverse_media}::boolean,
        internal_list_hit = ${summary.hits.internal_list}::boolean,
        has_hit = ${summary.hasHit}::boolean,
        initial_risk_level = ${summary.initialRiskLevel},
        final_risk_level = ${summary.finalRiskLevel},
        risk_level = ${summary.riskLevel},
        decision_type = ${summary.decisionType},
        decision_ground_code = ${summary.decisionGroundCode},
        event_count = ${row.eventCount}::int,
        unknown_event_count = ${row.unknownEventCount}::int,
        last_event_at = ${row.lastEventAt}::timestamptz,
        activity_at = now(),
        updated_at = now()
      WHERE customer_ext_id = ${row.customerExtId}
      RETURNING enrollment_id, state::text AS state
    ), mirrored AS (
      UPDATE enrollments SET aml_status = saved.state FROM saved
      WHERE enrollments.id = saved.enrollment_id AND enrollments.aml_status IS DISTINCT FROM saved.state
      RETURNING enrollments.id
    )
    SELECT (SELECT count(*) FROM mirrored)::int AS mirrored`);
  return summary.state;
}
