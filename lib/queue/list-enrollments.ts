import "server-only";
import { blindIndex } from "@/lib/crypto/pii";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { maskLastFour } from "@/lib/intake/extract-columns";
import { decodeCursor, encodeCursor, type TQueueFilters } from "@/lib/queue/queue-filters";

export const QUEUE_PAGE_SIZE = 50;

/** An enrollment as a list shows it (the queue, the push form's picker): identity numbers already masked. */
export type TEnrollmentListItem = {
  id: string;
  fullName: string;
  wisenrollCode: string | null;
  mainDocType: string | null;
  /** The main document's last four characters behind dots (`••••0001`), never the whole number. */
  mainDocMasked: string;
  mainDocCountry: string | null;
  status: string;
};

/** One queue row as the browser may see it. */
export type TQueueRow = TEnrollmentListItem & { branchCode: string | null; branchName: string | null; receivedAt: string; issueCount: number };

export type TQueuePage = { rows: TQueueRow[]; nextCursor: string | null };

/** The columns behind a TEnrollmentListItem, as `listItemColumns` selects them. */
export type TRawListItem = {
  id: string;
  full_name: string;
  wisenroll_code: string | null;
  main_doc_type: string | null;
  main_doc_last4: string | null;
  main_doc_country: string | null;
  status: string;
};

export const listItemColumns = Prisma.sql`id, full_name, wisenroll_code, main_doc_type, main_doc_last4, main_doc_country, status::text AS status`;

export function toListItem(row: TRawListItem): TEnrollmentListItem {
  return {
    id: row.id,
    fullName: row.full_name,
    wisenrollCode: row.wisenroll_code,
    mainDocType: row.main_doc_type,
    mainDocMasked: maskLastFour(row.main_doc_last4),
    mainDocCountry: row.main_doc_country,
    status: row.status,
  };
}

type TRawRow = TRawListItem & { branch_code: string | null; branch_name: string | null; received_at: Date; issue_count: number };

const SORT_COLUMNS = {
  received: { column: Prisma.raw("received_at"), cursorValue: (row: TRawRow) => row.received_at.toISOString() },
  name: { column: Prisma.raw("full_name"), cursorValue: (row: TRawRow) => row.full_name },
  issues: { column: Prisma.raw("issue_count"), cursorValue: (row: TRawRow) => row.issue_count },
} as const;

function whereClause(filters: TQueueFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.status) conditions.push(Prisma.sql`status = ${filters.status}::"EnrollmentStatus"`);
  if (filters.branch) conditions.push(Prisma.sql`branch_code = ${filters.branch}`);
  if (filters.from) conditions.push(Prisma.sql`received_at >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`received_at < (${filters.to}::date + 1)`);
  if (filters.q) conditions.push(searchCondition(filters.q));
  return conditions;
}

/** A match of the exact wisenroll code or the full main document number (ranks first in the picker). */
export function exactMatchCondition(q: string): Prisma.Sql {
  // A full document number is found through its blind index: the number itself is not stored.
  const index = blindIndex(q);
  const byDocument = index === null ? Prisma.sql`FALSE` : Prisma.sql`main_doc_index = ${index}`;
  return Prisma.sql`(wisenroll_code = ${q.toUpperCase()} OR ${byDocument})`;
}

/**
 * The queue's search, shared with the push form's related-client picker: the exact wisenroll
 * code, the full main document number, or part of the name (the trigram index serves the ILIKE).
 */
export function searchCondition(q: string): Prisma.Sql {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return Prisma.sql`(${exactMatchCondition(q)} OR full_name ILIKE ${like})`;
}

/** One page of the queue, newest first by default, paged by keyset (never OFFSET). */
export async function listEnrollments(db: PrismaClient, filters: TQueueFilters): Promise<TQueuePage> {
  const [key, direction] = filters.sort.split("_") as [keyof typeof SORT_COLUMNS, "asc" | "desc"];
  const sort = SORT_COLUMNS[key];
  const desc = direction === "desc";
  const conditions = whereClause(filters);
  const cursor = decodeCursor(filters.cursor);
  if (cursor) {
    const value = key === "received" ? Prisma.sql`${cursor.value}::timestamptz` : Prisma.sql`${cursor.value}`;
    conditions.push(
      desc
        ? Prisma.sql`(${sort.column}, id) < (${value}, ${cursor.id}::uuid)`
        : Prisma.sql`(${sort.column}, id) > (${value}, ${cursor.id}::uuid)`,
    );
  }
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const order = desc ? Prisma.sql`${sort.column} DESC, id DESC` : Prisma.sql`${sort.column} ASC, id ASC`;
  const rows = await db.$queryRaw<TRawRow[]>`
    SELECT ${listItemColumns}, branch_code, branch_name, received_at, issue_count
    FROM enrollments ${where}
    ORDER BY ${order}
    LIMIT ${QUEUE_PAGE_SIZE + 1}`;
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    rows: page.map((row) => ({
      ...toListItem(row),
      branchCode: row.branch_code,
      branchName: row.branch_name,
      receivedAt: row.received_at.toISOString(),
      issueCount: row.issue_count,
    })),
    nextCursor: rows.length > QUEUE_PAGE_SIZE && last ? encodeCursor({ value: sort.cursorValue(last), id: last.id }) : null,
  };
}

/** Branches present in the queue, for the filter's options (a skip scan over the branch index). */
export async function listBranches(db: PrismaClient): Promise<Array<{ code: string; name: string | null }>> {
  const rows = await db.$queryRaw<Array<{ code: string; name: string | null }>>`
    WITH RECURSIVE branches AS (
      SELECT min(branch_code) AS code FROM enrollments
      UNION ALL
      SELECT (SELECT min(branch_code) FROM enrollments WHERE branch_code > branches.code)
      FROM branches WHERE branches.code IS NOT NULL
    )
    SELECT b.code, (SELECT branch_name FROM enrollments e WHERE e.branch_code = b.code LIMIT 1) AS name
    FROM branches b WHERE b.code IS NOT NULL LIMIT 500`;
  return rows;
}
