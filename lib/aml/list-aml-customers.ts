import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { blindIndex, piiKeys, piiOwner } from "@/lib/crypto/pii";
import { maskLastFour } from "@/lib/intake/extract-columns";
import { openReason } from "@/lib/pii/identities";
import type { TReason } from "@/lib/reasons/reason";
import { indexedNumber, maskReason } from "./mask";
import { decodeAmlCursor, encodeAmlCursor, type TAmlCursor, type TAmlFilters, type TAmlSort } from "./aml-filters";
import type { TAmlState, TAmlSubmissionStatus } from "./view";

export const AML_PAGE_SIZE = 50;

/** One AML queue row as compliance may see it: identity numbers already masked. */
export type TAmlQueueRow = {
  customerExtId: string;
  enrollmentId: string | null;
  fullName: string | null;
  wisenrollCode: string | null;
  mainDocType: string | null;
  mainDocMasked: string;
  mainDocCountry: string | null;
  branchCode: string | null;
  branchName: string | null;
  state: TAmlState;
  submissionStatus: TAmlSubmissionStatus | null;
  submissionMessage: TReason | null;
  communicationNumber: string | null;
  submittedAt: Date | null;
  hits: { sanctions: boolean; pep: boolean; adverseMedia: boolean; internalList: boolean };
  riskLevel: string | null;
  initialRiskLevel: string | null;
  finalRiskLevel: string | null;
  decisionType: string | null;
  decisionGroundCode: string | null;
  eventCount: number;
  lastEventAt: Date | null;
  activityAt: Date;
};

export type TAmlQueuePage = { rows: TAmlQueueRow[]; nextCursor: string | null };

type TAmlQueueRawRow = {
  customer_ext_id: string;
  enrollment_id: string | null;
  full_name: string | null;
  wisenroll_code: string | null;
  main_doc_type: string | null;
  main_doc_last4: string | null;
  main_doc_country: string | null;
  branch_code: string | null;
  branch_name: string | null;
  state: TAmlState;
  submission_status: TAmlSubmissionStatus | null;
  submission_message: string | null;
  main_doc_index: string | null;
  communication_number: string | null;
  submitted_at: Date | null;
  sanctions_hit: boolean;
  pep_hit: boolean;
  adverse_media_hit: boolean;
  internal_list_hit: boolean;
  risk_level: string | null;
  initial_risk_level: string | null;
  final_risk_level: string | null;
  decision_type: string | null;
  decision_ground_code: string | null;
  event_count: number;
  last_event_at: Date | null;
  activity_at: Date;
  priority: number;
  risk_rank: number;
};

const NAME = Prisma.sql`coalesce(e.full_name, '')`;

/** Per sort: the ORDER BY columns (all in one direction, so a row comparison pages them) and the cursor. */
const SORTS: Record<TAmlSort, { columns: Prisma.Sql[]; casts: Prisma.Sql[]; desc: boolean; cursor: (row: TAmlQueueRawRow) => TAmlCursor }> = {
  priority: {
    columns: [Prisma.sql`c.priority`, Prisma.sql`c.risk_rank`, Prisma.sql`c.activity_at`, Prisma.sql`c.customer_ext_id`],
    casts: [Prisma.sql`::int`, Prisma.sql`::int`, Prisma.sql`::timestamptz`, Prisma.empty],
    desc: true,
    cursor: (row) => [row.priority, row.risk_rank, row.activity_at.toISOString(), row.customer_ext_id],
  },
  activity_desc: {
    columns: [Prisma.sql`c.activity_at`, Prisma.sql`c.customer_ext_id`],
    casts: [Prisma.sql`::timestamptz`, Prisma.empty],
    desc: true,
    cursor: (row) => [row.activity_at.toISOString(), row.customer_ext_id],
  },
  activity_asc: {
    columns: [Prisma.sql`c.activity_at`, Prisma.sql`c.customer_ext_id`],
    casts: [Prisma.sql`::timestamptz`, Prisma.empty],
    desc: false,
    cursor: (row) => [row.activity_at.toISOString(), row.customer_ext_id],
  },
  name_asc: { columns: [NAME, Prisma.sql`c.customer_ext_id`], casts: [Prisma.empty, Prisma.empty], desc: false, cursor: (row) => [row.full_name ?? "", row.customer_ext_id] },
  name_desc: { columns: [NAME, Prisma.sql`c.customer_ext_id`], casts: [Prisma.empty, Prisma.empty], desc: true, cursor: (row) => [row.full_name ?? "", row.customer_ext_id] },
};

const HIT_COLUMN = {
  any: Prisma.sql`c.has_hit`,
  none: Prisma.sql`NOT c.has_hit`,
  sanctions: Prisma.sql`c.sanctions_hit`,
  pep: Prisma.sql`c.pep_hit`,
  adverse_media: Prisma.sql`c.adverse_media_hit`,
  internal_list: Prisma.sql`c.internal_list_hit`,
} as const;

function whereClause(filters: TAmlFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.state) conditions.push(Prisma.sql`c.state = ${filters.state}::"AmlState"`);
  if (filters.risk) conditions.push(Prisma.sql`c.risk_level = ${filters.risk}`);
  if (filters.hit) conditions.push(HIT_COLUMN[filters.hit]);
  if (filters.decision === "none") conditions.push(Prisma.sql`c.decision_type IS NULL`);
  else if (filters.decision) conditions.push(Prisma.sql`c.decision_type = ${filters.decision}`);
  if (filters.branch) conditions.push(Prisma.sql`e.branch_code = ${filters.branch}`);
  if (filters.from) conditions.push(Prisma.sql`c.activity_at >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`c.activity_at < (${filters.to}::date + 1)`);
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // A full document number is found through its blind index: the number itself is not stored.
    const index = blindIndex(filters.q);
    const byDocument = index === null ? Prisma.sql`FALSE` : Prisma.sql`e.main_doc_index = ${index}`;
    conditions.push(
      Prisma.sql`(c.customer_ext_id = ${filters.q} OR c.communication_number = ${filters.q} OR e.wisenroll_code = ${filters.q.toUpperCase()}
                  OR ${byDocument} OR e.full_name ILIKE ${like})`,
    );
  }
  return conditions;
}

function toAmlQueueRow(row: TAmlQueueRawRow): TAmlQueueRow {
  return {
    customerExtId: row.customer_ext_id,
    enrollmentId: row.enrollment_id,
    fullName: row.full_name,
    wisenrollCode: row.wisenroll_code,
    mainDocType: row.main_doc_type,
    mainDocMasked: maskLastFour(row.main_doc_last4),
    mainDocCountry: row.main_doc_country,
    branchCode: row.branch_code,
    branchName: row.branch_name,
    state: row.state,
    submissionStatus: row.submission_status,
    // Stored sealed; never searched or filtered on. AMLYZE's words in it may echo the main document: masked.
    submissionMessage: maskReason(openReason(row.submission_message, piiOwner.amlCustomer(row.customer_ext_id), piiKeys().keyring), indexedNumber(row.main_doc_index)),
    communicationNumber: row.communication_number,
    submittedAt: row.submitted_at,
    hits: { sanctions: row.sanctions_hit, pep: row.pep_hit, adverseMedia: row.adverse_media_hit, internalList: row.internal_list_hit },
    riskLevel: row.risk_level,
    initialRiskLevel: row.initial_risk_level,
    finalRiskLevel: row.final_risk_level,
    decisionType: row.decision_type,
    decisionGroundCode: row.decision_ground_code,
    eventCount: row.event_count,
    lastEventAt: row.last_event_at,
    activityAt: row.activity_at,
  };
}

/** WHERE (filters and the keyset position) and ORDER BY of the AML queue; shared by the page and the export. */
export function amlQueueClauses(filters: TAmlFilters): { where: Prisma.Sql; order: Prisma.Sql } {
  const sort = SORTS[filters.sort];
  const conditions = whereClause(filters);
  const cursor = decodeAmlCursor(filters.cursor, filters.sort);
  if (cursor) {
    const values = cursor.map((value, index) => Prisma.sql`${value}${sort.casts[index] ?? Prisma.empty}`);
    const left = Prisma.join(sort.columns, ", ");
    const right = Prisma.join(values, ", ");
    conditions.push(sort.desc ? Prisma.sql`(${left}) < (${right})` : Prisma.sql`(${left}) > (${right})`);
  }
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const order = Prisma.join(
    sort.columns.map((column) => (sort.desc ? Prisma.sql`${column} DESC` : Prisma.sql`${column} ASC`)),
    ", ",
  );
  return { where, order };
}

/** One page of the AML queue, paged by keyset (never OFFSET). */
export async function listAmlCustomers(db: PrismaClient, filters: TAmlFilters, options: { pageSize?: number } = {}): Promise<TAmlQueuePage> {
  const size = options.pageSize ?? AML_PAGE_SIZE;
  const { where, order } = amlQueueClauses(filters);
  const rows = await db.$queryRaw<TAmlQueueRawRow[]>`
    SELECT c.customer_ext_id, c.enrollment_id, e.full_name, e.wisenroll_code, e.main_doc_type, e.main_doc_last4, e.main_doc_country,
           e.branch_code, e.branch_name, c.state::text AS state, c.submission_status::text AS submission_status, c.submission_message, e.main_doc_index,
           c.communication_number, c.submitted_at, c.sanctions_hit, c.pep_hit, c.adverse_media_hit, c.internal_list_hit, c.risk_level,
           c.initial_risk_level, c.final_risk_level, c.decision_type, c.decision_ground_code, c.event_count, c.last_event_at,
           c.activity_at, c.priority, c.risk_rank
    FROM aml_customers c LEFT JOIN enrollments e ON e.id = c.enrollment_id
    ${where}
    ORDER BY ${order}
    LIMIT ${size + 1}`;
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return { rows: page.map(toAmlQueueRow), nextCursor: rows.length > size && last ? encodeAmlCursor(SORTS[filters.sort].cursor(last)) : null };
}
