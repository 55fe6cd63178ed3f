// Who has each enrollment on their desk. An officer claims ("Assign to me") unowned enrollments of
// their branches and releases their own; a lead also assigns any of their branches' enrollments to
// another active officer of that branch (owned or not: Marble's PR 1860 was a case that could not
// be given to someone while unassigned) and releases anyone's. Every change is one audit event per
// enrollment, in the same transaction; the rows are locked first, so of two claims at once one wins.
import "server-only";
import { recordAudit, type TAuditActor } from "@/lib/audit/record-audit";
import { can, PERMISSIONS, type TRole } from "@/lib/auth/roles";
import { allEnrollmentsInScope, type TScope } from "@/lib/desk/scope";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { notifyAssigned } from "@/lib/notifications/events";
import type { TOwnershipResult } from "./ownership-input";

/** The officer acting: who, their role, scope and lead flag, and from where. */
export type TDeskActor = { actor: TAuditActor & { id: string }; role: TRole; scope: TScope; deskLead: boolean; ip?: string | null };

type TLocked = { id: string; owner_id: string | null; branch_code: string | null };

/** Locks the enrollments (in id order, so two bulk changes cannot deadlock); null when one is out of scope. */
async function lockInScope(tx: Prisma.TransactionClient, desk: TDeskActor, ids: readonly string[]): Promise<TLocked[] | null> {
  if (!(await allEnrollmentsInScope(tx, desk.scope, ids))) return null;
  return tx.$queryRaw<TLocked[]>`
    SELECT id::text AS id, owner_id::text AS owner_id, branch_code FROM enrollments
    WHERE id = ANY(${[...new Set(ids)]}::uuid[]) ORDER BY id FOR UPDATE`;
}

async function setOwner(tx: Prisma.TransactionClient, desk: TDeskActor, rows: readonly TLocked[], ownerId: string | null, action: string, now: Date) {
  const changing = rows.filter((row) => row.owner_id !== ownerId);
  if (changing.length === 0) return 0;
  await tx.enrollment.updateMany({ where: { id: { in: changing.map((row) => row.id) } }, data: { ownerId, ownedAt: ownerId ? now : null } });
  for (const row of changing) {
    await recordAudit(tx, {
      actor: desk.actor,
      action,
      targetType: "enrollment",
      targetId: row.id,
      details: { from: row.owner_id, to: ownerId },
      ip: desk.ip ?? null,
    });
  }
  return changing.length;
}

export class EnrollmentOutOfScopeError extends Error {}

function mayOwn(desk: TDeskActor) {
  // the actions check it too; this keeps any other caller from giving a desk to a role without one
  if (!can(desk.role, "enrollment:own")) throw new Error("this role may not own enrollments");
}

/** "Assign to me": unowned enrollments (or already mine) become mine. */
export async function claimEnrollments(db: PrismaClient, desk: TDeskActor, ids: readonly string[], now = new Date()): Promise<TOwnershipResult> {
  mayOwn(desk);
  return db.$transaction(async (tx) => {
    const rows = await lockInScope(tx, desk, ids);
    if (!rows) throw new EnrollmentOutOfScopeError();
    const taken = rows.filter((row) => row.owner_id !== null && row.owner_id !== desk.actor.id);
    if (taken.length > 0) return { kind: "taken", count: taken.length };
    return { kind: "done", changed: await setOwner(tx, desk, rows, desk.actor.id, "enrollment.claimed", now) };
  });
}

/** Back to unassigned: one's own, or (leads) anyone's in their branches. */
export async function releaseEnrollments(db: PrismaClient, desk: TDeskActor, ids: readonly string[], now = new Date()): Promise<TOwnershipResult> {
  mayOwn(desk);
  return db.$transaction(async (tx) => {
    const rows = await lockInScope(tx, desk, ids);
    if (!rows) throw new EnrollmentOutOfScopeError();
    const notYours = rows.filter((row) => row.owner_id !== null && row.owner_id !== desk.actor.id);
    if (notYours.length > 0 && !desk.deskLead) return { kind: "notYours", count: notYours.length };
    return { kind: "done", changed: await setOwner(tx, desk, rows, null, "enrollment.released", now) };
  });
}

/** (Leads) gives the enrollments to an active officer of each one's branch, whoever had them, or nobody. */
export async function assignEnrollments(db: PrismaClient, desk: TDeskActor, ids: readonly string[], assigneeId: string, now = new Date()): Promise<TOwnershipResult> {
  mayOwn(desk);
  if (!desk.deskLead) return { kind: "notLead" };
  return db.$transaction(async (tx) => {
    const rows = await lockInScope(tx, desk, ids);
    if (!rows) throw new EnrollmentOutOfScopeError();
    const assignee = await tx.user.findUnique({ where: { id: assigneeId }, select: { role: true, disabled: true, branches: true } });
    const fits = (row: TLocked) => assignee !== null && !assignee.disabled && can(assignee.role, "enrollment:own") && row.branch_code !== null && assignee.branches.includes(row.branch_code);
    if (!rows.every(fits)) return { kind: "assignee" };
    const given = rows.filter((row) => row.owner_id !== assigneeId).map((row) => row.id);
    const changed = await setOwner(tx, desk, rows, assigneeId, "enrollment.assigned", now);
    await notifyAssigned(tx, { enrollmentIds: given, assigneeId, actorId: desk.actor.id, at: now });
    return { kind: "done", changed };
  });
}

/** Active officers who can own enrollments of any of the scope's branches: the owner filter's and the lead's choices. */
export async function listDeskOfficers(db: PrismaClient, scope: TScope): Promise<Array<{ id: string; name: string; branches: string[] }>> {
  const rows = await db.user.findMany({
    where: { role: { in: [...PERMISSIONS["enrollment:own"]] }, disabled: false, ...(scope.kind === "all" ? {} : { branches: { hasSome: [...scope.branches] } }) },
    select: { id: true, displayName: true, username: true, branches: true },
    orderBy: { displayName: "asc" },
    take: 500,
  });
  return rows.map((row) => ({ id: row.id, name: row.displayName || row.username, branches: row.branches }));
}
