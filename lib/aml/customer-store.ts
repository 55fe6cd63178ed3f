// Reads and writes rows of aml_customers under row locks, so the webhook and the submission
// worker never overwrite each other's changes to the same customer. The SQL runs through Prisma
// (the submission worker, inside its transactions) or a plain pg client (the webhook's hot path).
import crypto from "node:crypto";
import type pg from "pg";
import { piiKeys, piiOwner } from "@/lib/crypto/pii";
import { Prisma } from "@/lib/generated/prisma/client";
import { openReason, sealReason } from "@/lib/pii/identities";
import type { TReason } from "@/lib/reasons/reason";
import { resultsFromRow, summarize, type TAmlResults, type TAmlState, type TAmlSubmissionStatus, type TAmlSummary } from "./view";

/** Runs one statement inside the caller's transaction and returns its rows. */
export type TSqlRunner = <T>(sql: Prisma.Sql) => Promise<T[]>;

export const prismaRunner =
  (tx: Prisma.TransactionClient): TSqlRunner =>
  <T,>(sql: Prisma.Sql) =>
    tx.$queryRaw<T[]>(sql);

// Named after a hash of their text, so each connection parses and plans a statement once and
// then only binds and executes it (the webhook runs the same few statements all day).
const statementName = (text: string) => `aml_${crypto.createHash("sha1").update(text).digest("hex").slice(0, 20)}`;

export const pgRunner =
  (client: pg.PoolClient): TSqlRunner =>
  async <T,>(sql: Prisma.Sql) =>
    (await client.query({ name: statementName(sql.text), text: sql.text, values: sql.values })).rows as T[];

export type TAmlCustomerRow = {
  customerExtId: string;
  enrollmentId: string | null;
  submissionId: string | null;
  submissionStatus: TAmlSubmissionStatus | null;
  communicationNumber: string | null;
  submittedAt: Date | null;
  /** The latest submission's reason, in clear here; stored sealed (it may carry AMLYZE's words). */
  submissionMessage: TReason | null;
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

/**
 * Creates the missing rows and locks all of them until the transaction ends, in one order (no
 * deadlock), in one statement: the no-op ON CONFLICT DO UPDATE locks an existing row and returns
 * its latest version, as SELECT ... FOR UPDATE would, without a second round trip.
 */
export async function lockAmlCustomers(run: TSqlRunner, customerExtIds: readonly string[]): Promise<Map<string, TAmlCustomerRow>> {
  const ids = [...new Set(customerExtIds)].sort();
  if (ids.length === 0) return new Map();
  const { keyring } = piiKeys();
  const rows = await run<TRawRow>(Prisma.sql`
    INSERT INTO aml_customers AS c (customer_ext_id, updated_at) SELECT id, now() FROM unnest(${ids}::text[]) AS id ORDER BY id
    ON CONFLICT (customer_ext_id) DO UPDATE SET customer_ext_id = c.customer_ext_id
    RETURNING customer_ext_id, enrollment_id::text, submission_id::text, submission_status::text AS submission_status, communication_number,
              submitted_at, submission_message, screening, kyc, profile, event_count, unknown_event_count, last_event_at, state::text AS state`);
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
        submissionMessage: openReason(row.submission_message, piiOwner.amlCustomer(row.customer_ext_id), keyring),
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
 * Writes the rows back with every derived column recomputed, and mirrors each state on the
 * linked enrollment (`aml_status`, which the intake API reports to the onboarding app). One
 * statement for any number of rows (the webhook saves a whole delivery's customers at once).
 */
export async function saveAmlCustomers(run: TSqlRunner, rows: readonly TAmlCustomerRow[]): Promise<TAmlState[]> {
  if (rows.length === 0) return [];
  const summaries = rows.map((row) => summarize(row.results, row.submissionStatus));
  const { keyring } = piiKeys();
  const col = <T,>(pick: (row: TAmlCustomerRow, summary: TAmlSummary) => T) => rows.map((row, i) => pick(row, summaries[i]!));
  await run(Prisma.sql`
    WITH v AS (
      SELECT * FROM unnest(
        ${col((r) => r.customerExtId)}::text[], ${col((r) => r.enrollmentId)}::uuid[], ${col((_, s) => s.state)}::"AmlState"[],
        ${col((_, s) => s.priority)}::int[], ${col((_, s) => s.riskRank)}::int[], ${col((r) => r.submissionId)}::uuid[],
        ${col((r) => r.submissionStatus)}::"AmlSubmissionStatus"[], ${col((r) => r.communicationNumber)}::text[],
        ${col((r) => r.submittedAt?.toISOString() ?? null)}::timestamptz[], ${col((r) => sealReason(r.submissionMessage, piiOwner.amlCustomer(r.customerExtId), keyring))}::text[],
        ${col((r) => json(r.results.screening))}::jsonb[], ${col((r) => json(r.results.kyc))}::jsonb[], ${col((r) => json(r.results.profile))}::jsonb[],
        ${col((_, s) => s.hits.sanctions)}::boolean[], ${col((_, s) => s.hits.pep)}::boolean[], ${col((_, s) => s.hits.adverse_media)}::boolean[],
        ${col((_, s) => s.hits.internal_list)}::boolean[], ${col((_, s) => s.hasHit)}::boolean[],
        ${col((_, s) => s.initialRiskLevel)}::text[], ${col((_, s) => s.finalRiskLevel)}::text[], ${col((_, s) => s.riskLevel)}::text[],
        ${col((_, s) => s.decisionType)}::text[], ${col((_, s) => s.decisionGroundCode)}::text[],
        ${col((r) => r.eventCount)}::int[], ${col((r) => r.unknownEventCount)}::int[], ${col((r) => r.lastEventAt?.toISOString() ?? null)}::timestamptz[]
      ) AS v(customer_ext_id, enrollment_id, state, priority, risk_rank, submission_id, submission_status, communication_number, submitted_at,
             submission_message, screening, kyc, profile, sanctions_hit, pep_hit, adverse_media_hit, internal_list_hit, has_hit,
             initial_risk_level, final_risk_level, risk_level, decision_type, decision_ground_code, event_count, unknown_event_count, last_event_at)
    ), saved AS (
      UPDATE aml_customers c SET
        enrollment_id = v.enrollment_id, state = v.state, priority = v.priority, risk_rank = v.risk_rank,
        submission_id = v.submission_id, submission_status = v.submission_status, communication_number = v.communication_number,
        submitted_at = v.submitted_at, submission_message = v.submission_message,
        screening = v.screening, kyc = v.kyc, profile = v.profile,
        sanctions_hit = v.sanctions_hit, pep_hit = v.pep_hit, adverse_media_hit = v.adverse_media_hit, internal_list_hit = v.internal_list_hit, has_hit = v.has_hit,
        initial_risk_level = v.initial_risk_level, final_risk_level = v.final_risk_level, risk_level = v.risk_level,
        decision_type = v.decision_type, decision_ground_code = v.decision_ground_code,
        event_count = v.event_count, unknown_event_count = v.unknown_event_count, last_event_at = v.last_event_at,
        activity_at = now(), updated_at = now()
      FROM v WHERE c.customer_ext_id = v.customer_ext_id
      RETURNING c.enrollment_id, c.state::text AS state
    ), mirrored AS (
      UPDATE enrollments SET aml_status = saved.state FROM saved
      WHERE enrollments.id = saved.enrollment_id AND enrollments.aml_status IS DISTINCT FROM saved.state
      RETURNING enrollments.id
    )
    SELECT (SELECT count(*) FROM mirrored)::int AS mirrored`);
  return summaries.map((summary) => summary.state);
}

/** One row; see saveAmlCustomers. */
export async function saveAmlCustomer(run: TSqlRunner, row: TAmlCustomerRow): Promise<TAmlState> {
  const [state] = await saveAmlCustomers(run, [row]);
  return state!;
}
