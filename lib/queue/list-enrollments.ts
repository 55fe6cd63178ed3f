import "server-only";
import { blindIndex } from "@/lib/crypto/pii";
import { enrollmentScopeSql, type TScope } from "@/lib/desk/scope";
import { summarizeIdentity, type TIdentitySummary } from "@/lib/enrollment/identity-match";
import { readIdentityMatches, toPeer } from "@/lib/enrollment/identity-matches";
import { env } from "@/lib/env";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { maskLastFour } from "@/lib/intake/extract-columns";
import { businessMinutesBetween } from "@/lib/sla/business-time";
import { branchSla, readSlaConfig, type TSlaConfig } from "@/lib/sla/sla-settings";
import { z } from "zod";
import { decodeCursor, encodeCursor, type TQueueFilters, type TQueueOwner, type TQueueSort } from "@/lib/queue/queue-filters";

const ZUuid = z.uuid();

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
export type TQueueRow = TEnrollmentListItem & {
  branchCode: string | null;
  branchName: string | null;
  receivedAt: string;
  issueCount: number;
  /** Who has it on their desk (null: unassigned). */
  owner: { id: string; name: string } | null;
  /** The review clock (lib/sla/): time left in business time, negative when overdue; or how it ended. */
  sla: TQueueSla;
  /** The person across enrollments (customer in the core, same person, warnings); null when the column is off. */
  identity: TIdentitySummary | null;
};

/** `open`: working minutes left until `dueAt` (negative: overdue by that much; overdue from the due instant, even outside working hours); `met`/`missed`: the clock stopped. */
export type TQueueSla = { kind: "open"; dueAt: string; minutesLeft: number; overdue: boolean } | { kind: "met" | "missed"; dueAt: string } | null;

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

type TRawRow = TRawListItem & {
  branch_code: string | null;
  branch_name: string | null;
  received_at: Date;
  issue_count: number;
  owner_id: string | null;
  due_at: Date | null;
  sla_stopped_at: Date | null;
  customer_number: string | null;
  customer_since: Date | null;
  push_finished_at: Date | null;
  identity_index: string | null;
  person_index: string | null;
};

/** Who reads the queue: their branch scope, and who "mine" is. */
export type TQueueViewer = { scope: TScope; userId: string };

/** The filters as listEnrollments takes them: the reader's defaults filled in (queueDefaults). */
export type TQueueQuery = TQueueFilters & { sort: TQueueSort; owner: TQueueOwner };

const SORT_COLUMNS = {
  received: { column: Prisma.raw("received_at"), cursorValue: (row: TRawRow) => row.received_at.toISOString() },
  name: { column: Prisma.raw("full_name"), cursorValue: (row: TRawRow) => row.full_name },
  issues: { column: Prisma.raw("issue_count"), cursorValue: (row: TRawRow) => row.issue_count },
  due: { column: Prisma.raw("due_at"), cursorValue: (row: TRawRow) => (row.due_at ?? row.received_at).toISOString() },
} as const;

/** Open and past its due time (the index on (…, due_at, id) serves it as a range). */
const OVERDUE = Prisma.sql`due_at < now() AND sla_stopped_at IS NULL`;

function ownerCondition(owner: TQueueOwner, userId: string): Prisma.Sql | null {
  if (owner === "any") return null;
  if (owner === "mine") return Prisma.sql`owner_id = ${userId}::uuid`;
  if (owner === "unassigned") return Prisma.sql`owner_id IS NULL`;
  if (owner === "desk") return Prisma.sql`(owner_id = ${userId}::uuid OR owner_id IS NULL)`;
  return Prisma.sql`owner_id = ${owner}::uuid`;
}

/** The conditions of the filters; the owner's is left to the desk order, which splits by owner itself. */
function whereClause(filters: TQueueQuery, viewer: TQueueViewer, options: { owner: boolean }): Prisma.Sql[] {
  // the branch scope first: no filter, sort or cursor reaches an enrollment outside it
  const conditions: Prisma.Sql[] = [enrollmentScopeSql(viewer.scope)];
  const owner = options.owner ? ownerCondition(filters.owner, viewer.userId) : null;
  if (owner) conditions.push(owner);
  if (filters.due === "overdue") conditions.push(OVERDUE);
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

const rowColumns = Prisma.sql`${listItemColumns}, branch_code, branch_name, received_at, issue_count, owner_id::text AS owner_id, due_at, sla_stopped_at,
  customer_number::text AS customer_number, customer_since, push_finished_at, identity_index, person_index`;

/**
 * The desk's order: mine, then unassigned, then everyone else's, each due soonest first. Each band
 * is its own walk of the (owner_id, due_at, id) index, so the page costs what it shows however
 * many enrollments wait. DESK_TIME is the one place that names the time the desk orders by.
 */
const DESK_TIME = { column: Prisma.raw("due_at"), of: (row: TRawRow) => row.due_at ?? row.received_at };
/** The desk's bands the owner filter keeps, each as the one condition on owner_id its index walk needs. */
function deskBands(owner: TQueueOwner, userId: string): Array<Prisma.Sql | null> {
  const me = owner === "any" || owner === "desk" || owner === "mine" || owner === userId;
  const nobody = owner === "any" || owner === "desk" || owner === "unassigned";
  const others = owner === "any" ? Prisma.sql`owner_id IS NOT NULL AND owner_id <> ${userId}::uuid` : ZUuid.safeParse(owner).success && owner !== userId ? Prisma.sql`owner_id = ${owner}::uuid` : null;
  return [me ? Prisma.sql`owner_id = ${userId}::uuid` : null, nobody ? Prisma.sql`owner_id IS NULL` : null, others];
}

async function listDesk(
  db: PrismaClient,
  conditions: Prisma.Sql[],
  filters: TQueueQuery,
  viewer: TQueueViewer,
): Promise<{ rows: Array<TRawRow & { band: number }>; cursorOf: (row: TRawRow & { band: number }) => string }> {
  const cursor = decodeCursor(filters.cursor);
  const [bandText, time] = typeof cursor?.value === "string" ? cursor.value.split("|") : [];
  const fromBand = cursor && bandText !== undefined && time !== undefined ? Number(bandText) : 0;
  const parts = deskBands(filters.owner, viewer.userId).flatMap((band, index) => {
    if (band === null || index < fromBand) return [];
    const where = [...conditions, band];
    if (cursor && index === fromBand) where.push(Prisma.sql`(${DESK_TIME.column}, id) > (${time}::timestamptz, ${cursor.id}::uuid)`);
    return [Prisma.sql`(SELECT ${rowColumns}, ${index}::int AS band FROM enrollments WHERE ${Prisma.join(where, " AND ")} ORDER BY ${DESK_TIME.column} ASC, id ASC LIMIT ${QUEUE_PAGE_SIZE + 1})`];
  });
  if (parts.length === 0) return { rows: [], cursorOf: () => "" };
  const rows = await db.$queryRaw<Array<TRawRow & { band: number }>>`
    SELECT * FROM (${Prisma.join(parts, " UNION ALL ")}) AS desk ORDER BY band ASC, ${DESK_TIME.column} ASC, id ASC LIMIT ${QUEUE_PAGE_SIZE + 1}`;
  return { rows, cursorOf: (row) => encodeCursor({ value: `${row.band}|${DESK_TIME.of(row).toISOString()}`, id: row.id }) };
}

/** Owners' names for a page's rows (one query, only the owners shown). */
async function ownerNames(db: PrismaClient, rows: readonly TRawRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => (row.owner_id ? [row.owner_id] : [])))];
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true, username: true } });
  return new Map(users.map((user) => [user.id, user.displayName || user.username]));
}

async function toPage(db: PrismaClient, rows: TRawRow[], nextCursor: string | null, scope: TScope): Promise<TQueuePage> {
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  // One more statement for the page's 50 rows, through the identity and person indexes.
  const [names, matches, sla] = await Promise.all([
    ownerNames(db, page),
    env().QUEUE_IDENTITY_COLUMN === "on" ? readIdentityMatches(db, page.map(toPeer), scope) : null,
    page.some((row) => row.due_at !== null && row.sla_stopped_at === null) ? readSlaConfig(db) : null,
  ]);
  const now = new Date();
  return {
    rows: page.map((row) => ({
      ...toListItem(row),
      branchCode: row.branch_code,
      branchName: row.branch_name,
      receivedAt: row.received_at.toISOString(),
      issueCount: row.issue_count,
      owner: row.owner_id ? { id: row.owner_id, name: names.get(row.owner_id) ?? "—" } : null,
      sla: slaOf(row, sla, now),
      identity: matches ? summarizeIdentity(matches.get(row.id)!) : null,
    })),
    nextCursor,
  };
}

function slaOf(row: TRawRow, config: TSlaConfig | null, now: Date): TQueueSla {
  if (row.due_at === null) return null;
  const dueAt = row.due_at.toISOString();
  if (row.sla_stopped_at !== null) return { kind: row.sla_stopped_at <= row.due_at ? "met" : "missed", dueAt };
  if (config === null) return null;
  return { kind: "open", dueAt, minutesLeft: businessMinutesBetween(now, row.due_at, branchSla(config, row.branch_code).calendar), overdue: row.due_at <= now };
}

/** One page of the queue within the viewer's branches, in the filters' order, paged by keyset (never OFFSET). */
export async function listEnrollments(db: PrismaClient, filters: TQueueQuery, viewer: TQueueViewer): Promise<TQueuePage> {
  const byDesk = filters.sort === "desk";
  const conditions = whereClause(filters, viewer, { owner: !byDesk });
  if (byDesk) {
    const desk = await listDesk(db, conditions, filters, viewer);
    const last = desk.rows[QUEUE_PAGE_SIZE - 1];
    return toPage(db, desk.rows, desk.rows.length > QUEUE_PAGE_SIZE && last ? desk.cursorOf(last) : null, viewer.scope);
  }
  const [key, direction] = filters.sort.split("_") as [keyof typeof SORT_COLUMNS, "asc" | "desc"];
  const sort = SORT_COLUMNS[key];
  const desc = direction === "desc";
  const cursor = decodeCursor(filters.cursor);
  if (cursor) {
    const value = key === "received" || key === "due" ? Prisma.sql`${cursor.value}::timestamptz` : Prisma.sql`${cursor.value}`;
    conditions.push(
      desc
        ? Prisma.sql`(${sort.column}, id) < (${value}, ${cursor.id}::uuid)`
        : Prisma.sql`(${sort.column}, id) > (${value}, ${cursor.id}::uuid)`,
    );
  }
  const order = desc ? Prisma.sql`${sort.column} DESC, id DESC` : Prisma.sql`${sort.column} ASC, id ASC`;
  const rows = await db.$queryRaw<TRawRow[]>`
    SELECT ${rowColumns}
    FROM enrollments WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${order}
    LIMIT ${QUEUE_PAGE_SIZE + 1}`;
  const last = rows[QUEUE_PAGE_SIZE - 1];
  return toPage(db, rows, rows.length > QUEUE_PAGE_SIZE && last ? encodeCursor({ value: sort.cursorValue(last), id: last.id }) : null, viewer.scope);
}

/** Branches present in the queue within the scope, for the filter's options (a skip scan over the branch index). */
export async function listBranches(db: PrismaClient, scope: TScope): Promise<Array<{ code: string; name: string | null }>> {
  if (scope.kind === "branches") {
    return db.$queryRaw<Array<{ code: string; name: string | null }>>`
      SELECT b.code, (SELECT branch_name FROM enrollments e WHERE e.branch_code = b.code LIMIT 1) AS name
      FROM unnest(${[...scope.branches]}::text[]) AS b(code) ORDER BY b.code`;
  }
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
