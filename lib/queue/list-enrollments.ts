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
import { decodeCursor, encodeCursor, QUEUE_COUNT_LIMIT, QUEUE_PAGE_SIZE, type TCursor, type TQueueFilters, type TQueueOwner, type TQueueSort } from "@/lib/queue/queue-filters";

const ZUuid = z.uuid();

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
  /** Null: nothing to tell of the person across enrollments (or the column is off: TQueuePage.identityColumn). */
  identity: TIdentitySummary | null;
};

/** `open`: working minutes left until `dueAt` (negative: overdue by that much; overdue from the due instant, even outside working hours); `met`/`missed`: the clock stopped. */
export type TQueueSla = { kind: "open"; dueAt: string; minutesLeft: number; overdue: boolean } | { kind: "met" | "missed"; dueAt: string } | null;

/** How many rows the filters match, counted up to QUEUE_COUNT_LIMIT (`more`: there are more than that). */
export type TQueueTotal = { count: number; more: boolean };

/**
 * One page and its neighbours: `nextCursor` goes in `cursor`, `prevCursor` in `before` (null: no
 * page that way). How many rows the filters match is countEnrollments', asked for on its own.
 */
export type TQueuePage = {
  rows: TQueueRow[];
  nextCursor: string | null;
  prevCursor: string | null;
  /** Whether the rows carry the person across enrollments (off only for bench:identity's baseline). */
  identityColumn: boolean;
};

export { QUEUE_COUNT_LIMIT, QUEUE_PAGE_SIZE };

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

/** Notes' matches the queue's search reaches: enough for any page of results, and a bounded lookup. */
export const NOTE_SEARCH_LIMIT = 200;

/**
 * The enrollments whose notes hold the search text (three characters at least), read first through
 * the notes' trigram index, so the queue's own query keeps its plan and gets them as a list of ids.
 */
async function enrollmentsNoted(db: PrismaClient, q: string | undefined): Promise<string[]> {
  if (!q || [...q].length < 3) return [];
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT DISTINCT enrollment_id::text AS id FROM enrollment_notes WHERE body ILIKE ${`%${escapeLike(q)}%`} LIMIT ${NOTE_SEARCH_LIMIT}`;
  return rows.map((row) => row.id);
}

/** The conditions of the filters; the owner's is left to the desk order, which splits by owner itself. */
function whereClause(filters: TQueueQuery, viewer: TQueueViewer, options: { owner: boolean; noted: readonly string[] }): Prisma.Sql[] {
  // the branch scope first: no filter, sort or cursor reaches an enrollment outside it
  const conditions: Prisma.Sql[] = [enrollmentScopeSql(viewer.scope)];
  const owner = options.owner ? ownerCondition(filters.owner, viewer.userId) : null;
  if (owner) conditions.push(owner);
  if (filters.due === "overdue") conditions.push(OVERDUE);
  if (filters.status) conditions.push(Prisma.sql`status = ${filters.status}::"EnrollmentStatus"`);
  if (filters.branch) conditions.push(Prisma.sql`branch_code = ${filters.branch}`);
  if (filters.from) conditions.push(Prisma.sql`received_at >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`received_at < (${filters.to}::date + 1)`);
  if (filters.q) {
    const search = searchCondition(filters.q);
    conditions.push(options.noted.length === 0 ? search : Prisma.sql`(${search} OR id = ANY(${[...options.noted]}::uuid[]))`);
  }
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
 * code or the start of one, the full main document number (blind index), its last four characters
 * as the queue shows them (`0001`, `••••0001`), or part of the name (the trigram index serves the ILIKE).
 */
export function searchCondition(q: string): Prisma.Sql {
  const like = `%${escapeLike(q)}%`;
  const alternatives = [exactMatchCondition(q), Prisma.sql`full_name ILIKE ${like}`];
  const code = q.toUpperCase();
  // the start of a code: its text_pattern_ops index serves the prefix
  if (/^[A-Z0-9]{2,}$/u.test(code)) alternatives.push(Prisma.sql`wisenroll_code LIKE ${`${code}%`}`);
  const last4 = lastFourQuery(q);
  // the last four are kept in clear for the masked display already: searching them reveals nothing more
  if (last4) alternatives.push(Prisma.sql`upper(main_doc_last4) = ${last4}`);
  return Prisma.sql`(${Prisma.join(alternatives, " OR ")})`;
}

/** A search of exactly four characters after any mask (`••••`, `*`, `…`), upper-cased; else null. */
export function lastFourQuery(q: string): string | null {
  const rest = [...q.trim().replace(/^[•*.…\s]+/u, "").toUpperCase()];
  return rest.length === 4 ? rest.join("") : null;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const rowColumns = Prisma.sql`${listItemColumns}, branch_code, branch_name, received_at, issue_count, owner_id::text AS owner_id, due_at, sla_stopped_at,
  customer_number::text AS customer_number, customer_since, push_finished_at, identity_index, person_index`;

/**
 * The desk's order: mine, then unassigned, then everyone else's, each due soonest first. Each band
 * is its own walk of the (owner_id, due_at, id) index, so the page costs what it shows however
 * many enrollments wait. DESK_TIME is the one place that names the time the desk orders by.
 */
export const DESK_TIME = Prisma.raw("due_at");
/** The desk's bands the owner filter keeps, each as the one condition on owner_id its index walk needs. */
function deskBands(owner: TQueueOwner, userId: string): Array<Prisma.Sql | null> {
  const me = owner === "any" || owner === "desk" || owner === "mine" || owner === userId;
  const nobody = owner === "any" || owner === "desk" || owner === "unassigned";
  const others = owner === "any" ? Prisma.sql`owner_id IS NOT NULL AND owner_id <> ${userId}::uuid` : ZUuid.safeParse(owner).success && owner !== userId ? Prisma.sql`owner_id = ${owner}::uuid` : null;
  return [me ? Prisma.sql`owner_id = ${userId}::uuid` : null, nobody ? Prisma.sql`owner_id IS NULL` : null, others];
}

/** Which way a page is read: after the `cursor` row (forward) or before the `before` row (back). */
type TWalk = { forward: boolean; cursor: TCursor | null };

function walkOf(filters: TQueueQuery): TWalk {
  const before = decodeCursor(filters.before);
  return before ? { forward: false, cursor: before } : { forward: true, cursor: decodeCursor(filters.cursor) };
}

/** `desk_time`: DESK_TIME (null only for a row written without a due time, read as its received time). */
type TDeskRow = TRawRow & { band: number; desk_time: Date | null };

/** The rows of the page as read, in the walk's order (a walk back reads them last first). */
type TWalked<TRow> = { rows: TRow[]; cursorOf: (row: TRow) => string };

async function walkDesk(db: PrismaClient, conditions: Prisma.Sql[], filters: TQueueQuery, viewer: TQueueViewer, walk: TWalk): Promise<TWalked<TDeskRow>> {
  const { cursor, forward } = walk;
  const [bandText, time] = typeof cursor?.value === "string" ? cursor.value.split("|") : [];
  const at = cursor && bandText !== undefined && time !== undefined ? { band: Number(bandText), time, id: cursor.id } : null;
  const direction = Prisma.raw(forward ? "ASC" : "DESC");
  const parts = deskBands(filters.owner, viewer.userId).flatMap((band, index) => {
    // forward: this band and the later ones; back: this band and the earlier ones
    if (band === null || (at && (forward ? index < at.band : index > at.band))) return [];
    const where = [...conditions, band];
    if (at && index === at.band) {
      where.push(forward ? Prisma.sql`(${DESK_TIME}, id) > (${at.time}::timestamptz, ${at.id}::uuid)` : Prisma.sql`(${DESK_TIME}, id) < (${at.time}::timestamptz, ${at.id}::uuid)`);
    }
    return [
      Prisma.sql`(SELECT ${rowColumns}, ${DESK_TIME} AS desk_time, ${index}::int AS band FROM enrollments WHERE ${Prisma.join(where, " AND ")}
        ORDER BY ${DESK_TIME} ${direction}, id ${direction} LIMIT ${QUEUE_PAGE_SIZE + 1})`,
    ];
  });
  if (parts.length === 0) return { rows: [], cursorOf: () => "" };
  const rows = await db.$queryRaw<TDeskRow[]>`
    SELECT * FROM (${Prisma.join(parts, " UNION ALL ")}) AS desk ORDER BY band ${direction}, desk_time ${direction}, id ${direction} LIMIT ${QUEUE_PAGE_SIZE + 1}`;
  return { rows, cursorOf: (row) => encodeCursor({ value: `${row.band}|${(row.desk_time ?? row.received_at).toISOString()}`, id: row.id }) };
}

async function walkSorted(db: PrismaClient, conditions: Prisma.Sql[], filters: TQueueQuery, walk: TWalk): Promise<TWalked<TRawRow>> {
  const [key, direction] = filters.sort.split("_") as [keyof typeof SORT_COLUMNS, "asc" | "desc"];
  const sort = SORT_COLUMNS[key];
  // walking back reads the order reversed, from the row before the cursor
  const descending = (direction === "desc") === walk.forward;
  const where = [...conditions];
  if (walk.cursor) {
    const value = key === "received" || key === "due" ? Prisma.sql`${walk.cursor.value}::timestamptz` : Prisma.sql`${walk.cursor.value}`;
    where.push(descending ? Prisma.sql`(${sort.column}, id) < (${value}, ${walk.cursor.id}::uuid)` : Prisma.sql`(${sort.column}, id) > (${value}, ${walk.cursor.id}::uuid)`);
  }
  const order = descending ? Prisma.sql`${sort.column} DESC, id DESC` : Prisma.sql`${sort.column} ASC, id ASC`;
  const rows = await db.$queryRaw<TRawRow[]>`
    SELECT ${rowColumns}
    FROM enrollments WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${order}
    LIMIT ${QUEUE_PAGE_SIZE + 1}`;
  return { rows, cursorOf: (row) => encodeCursor({ value: sort.cursorValue(row), id: row.id }) };
}

/** How many enrollments the filters match, up to the limit: one index walk that stops at 1,001 rows. */
async function countUpTo(db: PrismaClient, conditions: Prisma.Sql[]): Promise<TQueueTotal> {
  const [row] = await db.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM enrollments WHERE ${Prisma.join(conditions, " AND ")} LIMIT ${QUEUE_COUNT_LIMIT + 1}) AS capped`;
  const n = row?.n ?? 0;
  return { count: Math.min(n, QUEUE_COUNT_LIMIT), more: n > QUEUE_COUNT_LIMIT };
}

/** A walk's rows as a page: in the page's order, with the cursors to its neighbours. */
function turnPage<TRow extends TRawRow>(walked: TWalked<TRow>, walk: TWalk): { rows: TRow[]; nextCursor: string | null; prevCursor: string | null } {
  const more = walked.rows.length > QUEUE_PAGE_SIZE;
  const rows = walked.rows.slice(0, QUEUE_PAGE_SIZE);
  if (!walk.forward) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  if (walk.forward) {
    return { rows, nextCursor: more && last ? walked.cursorOf(last) : null, prevCursor: walk.cursor && first ? walked.cursorOf(first) : null };
  }
  // a walk back came from a later page, so there is always one after it
  return { rows, nextCursor: last ? walked.cursorOf(last) : null, prevCursor: more && first ? walked.cursorOf(first) : null };
}

/** Owners' names for a page's rows (one query, only the owners shown). */
async function ownerNames(db: PrismaClient, rows: readonly TRawRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => (row.owner_id ? [row.owner_id] : [])))];
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true, username: true } });
  return new Map(users.map((user) => [user.id, user.displayName || user.username]));
}

/**
 * What a page's rows show besides their own columns: owners' names, the person across enrollments,
 * the SLA settings. Read as soon as the walk has the rows, beside the count still running.
 */
async function decorate(db: PrismaClient, page: readonly TRawRow[], scope: TScope) {
  // One more statement for the page's 50 rows, through the identity and person indexes.
  const [names, matches, sla] = await Promise.all([
    ownerNames(db, page),
    env().QUEUE_IDENTITY_COLUMN === "on" ? readIdentityMatches(db, page.map(toPeer), scope) : null,
    page.some((row) => row.due_at !== null && row.sla_stopped_at === null) ? readSlaConfig(db) : null,
  ]);
  return { names, matches, sla };
}

function toPage(turned: { rows: TRawRow[]; nextCursor: string | null; prevCursor: string | null }, decorations: Awaited<ReturnType<typeof decorate>>): TQueuePage {
  const { names, matches, sla } = decorations;
  const now = new Date();
  return {
    rows: turned.rows.map((row) => ({
      ...toListItem(row),
      branchCode: row.branch_code,
      branchName: row.branch_name,
      receivedAt: row.received_at.toISOString(),
      issueCount: row.issue_count,
      owner: row.owner_id ? { id: row.owner_id, name: names.get(row.owner_id) ?? "—" } : null,
      sla: slaOf(row, sla, now),
      identity: matches && summarizeIdentity(matches.get(row.id)!),
    })),
    nextCursor: turned.nextCursor,
    prevCursor: turned.prevCursor,
    identityColumn: matches !== null,
  };
}

function slaOf(row: TRawRow, config: TSlaConfig | null, now: Date): TQueueSla {
  if (row.due_at === null) return null;
  const dueAt = row.due_at.toISOString();
  if (row.sla_stopped_at !== null) return { kind: row.sla_stopped_at <= row.due_at ? "met" : "missed", dueAt };
  if (config === null) return null;
  return { kind: "open", dueAt, minutesLeft: businessMinutesBetween(now, row.due_at, branchSla(config, row.branch_code).calendar), overdue: row.due_at <= now };
}

/**
 * One page of the queue within the viewer's branches, in the filters' order, paged by keyset both
 * ways (never OFFSET). It costs what the page shows however many enrollments the table holds; the
 * count of what the filters match is countEnrollments', which a search's matches make grow.
 */
export async function listEnrollments(db: PrismaClient, filters: TQueueQuery, viewer: TQueueViewer): Promise<TQueuePage> {
  const walk = walkOf(filters);
  const noted = await enrollmentsNoted(db, filters.q);
  // the desk leaves the owner's condition to its bands
  const turned =
    filters.sort === "desk"
      ? turnPage(await walkDesk(db, whereClause(filters, viewer, { owner: false, noted }), filters, viewer, walk), walk)
      : turnPage(await walkSorted(db, whereClause(filters, viewer, { owner: true, noted }), filters, walk), walk);
  return toPage(turned, await decorate(db, turned.rows, viewer.scope));
}

/**
 * How many enrollments the filters match within the viewer's branches, up to QUEUE_COUNT_LIMIT:
 * the same conditions as listEnrollments', whatever the order and page. Asked for apart from the
 * page, so that the page's rows never wait for it: a name search's count reads every match of its
 * trigrams (a common name's grow with the table), where the page stops at the rows it shows.
 */
export async function countEnrollments(db: PrismaClient, filters: TQueueQuery, viewer: TQueueViewer): Promise<TQueueTotal> {
  const noted = await enrollmentsNoted(db, filters.q);
  return countUpTo(db, whereClause(filters, viewer, { owner: true, noted }));
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
