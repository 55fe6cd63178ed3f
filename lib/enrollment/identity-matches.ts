import "server-only";
// Reads what matchIdentity (identity-match.ts) needs for some enrollments in one statement, through
// the identity and person blind indexes only: the queue's page of rows, or one enrollment. The
// lookup itself is the database function identity_around (20261206052052_identity_around).
import { Prisma } from "@/lib/generated/prisma/client";
import type { TDb } from "@/lib/db/types";
import { inScope, type TScope } from "@/lib/desk/scope";
import { matchIdentity, type TDecision, type TIdentityMatch, type TPeer, type TPeerRef } from "./identity-match";

type TRawPeer = {
  id: string;
  wisenroll_code: string | null;
  full_name: string;
  status: string;
  customer_number: string | null;
  customer_since: Date | null;
  push_finished_at: Date | null;
  identity_index: string | null;
  person_index: string | null;
  main_doc_last4: string | null;
  branch_code: string | null;
};

/** The columns behind a TPeer, for any statement over `enrollments` (identity_around returns the same). */
const peerColumns = Prisma.sql`id::text, wisenroll_code, full_name, status::text AS status, customer_number::text AS customer_number,
  customer_since, push_finished_at, identity_index, person_index, main_doc_last4, branch_code`;

export const toPeer = (row: TRawPeer): TPeer => ({
  id: row.id,
  wisenrollCode: row.wisenroll_code,
  fullName: row.full_name,
  status: row.status,
  customerNumber: row.customer_number,
  customerSince: row.customer_since?.toISOString() ?? null,
  pushFinishedAt: row.push_finished_at?.toISOString() ?? null,
  identityIndex: row.identity_index,
  personIndex: row.person_index,
  mainDocLast4: row.main_doc_last4,
  branchCode: row.branch_code,
});

type TRawDecision = {
  id: string;
  enrollment_id: string;
  kind: TDecision["kind"];
  identity_index: string;
  person_index: string | null;
  other_enrollment_id: string | null;
  decided_by_id: string;
  decided_by: string;
  confirmed_by: string | null;
  reason: string;
  decided_at: string;
};

// JSON of the rows below: one round trip brings the peers and the decisions together.
type TJsonPeer = Omit<TRawPeer, "customer_since" | "push_finished_at"> & { customer_since: string | null; push_finished_at: string | null };

const fromJsonPeer = (row: TJsonPeer): TPeer =>
  toPeer({ ...row, customer_since: row.customer_since === null ? null : new Date(row.customer_since), push_finished_at: row.push_finished_at === null ? null : new Date(row.push_finished_at) });

const toDecision = (row: TRawDecision): TDecision => ({
  id: row.id,
  enrollmentId: row.enrollment_id,
  kind: row.kind,
  identityIndex: row.identity_index,
  personIndex: row.person_index,
  otherEnrollmentId: row.other_enrollment_id,
  decidedById: row.decided_by_id,
  decidedBy: row.decided_by,
  confirmedBy: row.confirmed_by,
  reason: row.reason,
  decidedAt: new Date(row.decided_at).toISOString(),
});

type TAround = { peers: TJsonPeer[]; decisions: TRawDecision[] };

const fromAround = (row: TAround | undefined) => ({ peers: (row?.peers ?? []).map(fromJsonPeer), decisions: (row?.decisions ?? []).map(toDecision) });

/**
 * One enrollment and what is around it, in one statement: the row, then every other enrollment
 * sharing its identity or person index and the decisions on them (identity_around, a database
 * function of 20261206052052_identity_around that keeps its plans for the connection).
 */
async function readAround(db: TDb, enrollmentId: string): Promise<{ self: TPeer | null; peers: TPeer[]; decisions: TDecision[] }> {
  const [row] = await db.$queryRaw<Array<TRawPeer & TAround>>`
    SELECT e.*, a.peers, a.decisions
    FROM (SELECT ${peerColumns} FROM enrollments WHERE id = ${enrollmentId}::uuid) e,
         identity_around(ARRAY[e.id::uuid], ARRAY[e.identity_index]::bpchar[], ARRAY[e.person_index]::bpchar[]) a`;
  if (!row) return { self: null, peers: [], decisions: [] };
  return { self: toPeer(row), ...fromAround(row) };
}

/** Every branch: the push, the worker and the decisions, which show nobody what they read. */
export const ALL_BRANCHES: TScope = { kind: "all" };

/** What a reader of `scope` is shown of another enrollment: outside it, neither its code nor its name (nor a link: its id opens nothing). */
const seenFrom = (scope: TScope) => (peer: TPeerRef): TPeerRef =>
  inScope(scope, peer.branchCode) ? peer : { ...peer, wisenrollCode: null, fullName: "", branchCode: null, otherBranch: true };

/** The match as a reader of `scope` is shown it: every enrollment it names outside the scope left anonymous. */
export function matchSeenFrom(match: TIdentityMatch, scope: TScope): TIdentityMatch {
  if (scope.kind === "all") return match;
  const seen = seenFrom(scope);
  return {
    customer: match.customer && { ...match.customer, from: seen(match.customer.from) },
    samePerson: match.samePerson.map(seen),
    conflict: match.conflict && { ...match.conflict, with: match.conflict.with.map(seen) },
    duplicates: match.duplicates.map((entry) => ({ ...entry, peer: seen(entry.peer) })),
  };
}

const matchAll = (selves: readonly TPeer[], peers: readonly TPeer[], decisions: readonly TDecision[], scope: TScope) =>
  new Map(
    selves.map((self) => [
      self.id,
      matchSeenFrom(
        matchIdentity(
          self,
          peers.filter((peer) => peer.id !== self.id && ((self.identityIndex !== null && peer.identityIndex === self.identityIndex) || (self.personIndex !== null && peer.personIndex === self.personIndex))),
          decisions,
        ),
        scope,
      ),
    ]),
  );

/**
 * The peers and decisions around rows the caller read already (the queue's page): looked up by
 * their index values directly, and without reading the rows themselves again.
 */
async function readAroundRows(db: TDb, selves: readonly TPeer[]): Promise<{ peers: TPeer[]; decisions: TDecision[] }> {
  const ids = selves.map((self) => self.id);
  const identities = [...new Set(selves.flatMap((self) => (self.identityIndex ? [self.identityIndex] : [])))];
  const persons = [...new Set(selves.flatMap((self) => (self.personIndex ? [self.personIndex] : [])))];
  const [row] = await db.$queryRaw<TAround[]>`SELECT peers, decisions FROM identity_around(${ids}::uuid[], ${identities}::bpchar[], ${persons}::bpchar[])`;
  const { peers, decisions } = fromAround(row);
  return { peers: [...selves, ...peers], decisions };
}

/** The match of each of `selves` (rows the caller read already), by enrollment id, as a reader of `scope` is shown it. */
export async function readIdentityMatches(db: TDb, selves: readonly TPeer[], scope: TScope): Promise<Map<string, TIdentityMatch>> {
  if (selves.length === 0) return new Map();
  const { peers, decisions } = await readAroundRows(db, selves);
  return matchAll(selves, peers, decisions, scope);
}

/** One enrollment as matching sees it, or null when it does not exist. */
export async function readPeer(db: TDb, enrollmentId: string): Promise<TPeer | null> {
  const rows = await db.$queryRaw<TRawPeer[]>`SELECT ${peerColumns} FROM enrollments WHERE id = ${enrollmentId}::uuid`;
  return rows[0] ? toPeer(rows[0]) : null;
}

/** One enrollment and its match (one statement) as a reader of `scope` is shown it, or null when it does not exist. */
export async function readIdentity(db: TDb, enrollmentId: string, scope: TScope): Promise<{ self: TPeer; match: TIdentityMatch } | null> {
  const { self, peers, decisions } = await readAround(db, enrollmentId);
  if (!self) return null;
  return { self, match: matchAll([self], [self, ...peers], decisions, scope).get(self.id)! };
}

/** The match of one enrollment as a reader of `scope` is shown it, or null when it does not exist. */
export async function readIdentityMatch(db: TDb, enrollmentId: string, scope: TScope): Promise<TIdentityMatch | null> {
  return (await readIdentity(db, enrollmentId, scope))?.match ?? null;
}
