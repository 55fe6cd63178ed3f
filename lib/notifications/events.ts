// Each kind of notification, as its source calls it inside its own transaction: who is told, what
// is kept to render it, and the key that makes it once-only (lib/notifications/notify.ts).
import "server-only";
import { usersReachingWhere } from "@/lib/desk/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { notify, runnerOf, type TNotifyTx } from "./notify";

/** The enrollments' codes, to render the notification without reading the enrollment again. */
async function codesOf(tx: TNotifyTx, enrollmentIds: readonly string[]): Promise<Map<string, string | null>> {
  if (enrollmentIds.length === 0) return new Map();
  const rows = await runnerOf(tx)<{ id: string; code: string | null }>(Prisma.sql`
    SELECT id::text AS id, wisenroll_code AS code FROM enrollments WHERE id = ANY(${[...new Set(enrollmentIds)]}::uuid[])`);
  return new Map(rows.map((row) => [row.id, row.code]));
}

/** A lead gave these enrollments to `assigneeId` (a claim is one's own act: nobody is told). */
export async function notifyAssigned(tx: TNotifyTx, input: { enrollmentIds: readonly string[]; assigneeId: string; actorId: string; at: Date }): Promise<void> {
  const codes = await codesOf(tx, input.enrollmentIds);
  for (const enrollmentId of input.enrollmentIds) {
    await notify(tx, {
      recipients: [input.assigneeId],
      kind: "assigned",
      enrollmentId,
      params: { code: codes.get(enrollmentId) ?? null, byId: input.actorId },
      // each assignment is news, even of an enrollment one had before
      dedupeKey: `assigned:${enrollmentId}:${input.at.toISOString()}`,
      actorId: input.actorId,
    });
  }
}

/** A note named these users. */
export async function notifyMentioned(tx: TNotifyTx, input: { enrollmentId: string; noteId: string; mentionIds: readonly string[]; authorId: string }): Promise<void> {
  const codes = await codesOf(tx, [input.enrollmentId]);
  await notify(tx, {
    recipients: input.mentionIds,
    kind: "mentioned",
    enrollmentId: input.enrollmentId,
    params: { code: codes.get(input.enrollmentId) ?? null, byId: input.authorId, noteId: input.noteId },
    dedupeKey: `mentioned:${input.noteId}`,
    actorId: input.authorId,
  });
}

/**
 * A push ended without reaching the core whole, or waits for a person: its requester is told.
 * `status` is the enrollment's status the push left; other statuses tell nobody.
 */
export async function notifyPushEnded(tx: TNotifyTx, input: { enrollmentId: string; pushSeq: number; status: string; actorId?: string | null }): Promise<void> {
  const kind = input.status === "needs_reconciliation" ? "push_needs_reconciliation" : ["failed", "in_review", "update_pending"].includes(input.status) ? "push_failed" : null;
  if (!kind) return;
  const [row] = await runnerOf(tx)<{ requester: string | null; code: string | null }>(Prisma.sql`
    SELECT push_requested_by_id::text AS requester, wisenroll_code AS code FROM enrollments WHERE id = ${input.enrollmentId}::uuid`);
  if (!row?.requester) return;
  await notify(tx, {
    recipients: [row.requester],
    kind,
    enrollmentId: input.enrollmentId,
    params: { code: row.code, pushSeq: input.pushSeq },
    dedupeKey: `${kind}:${input.enrollmentId}:${input.pushSeq}`,
    actorId: input.actorId ?? null,
  });
}

/**
 * Four-eyes: the last editor asked for the push, which another officer must make. Told: the
 * officers who may push it (active, of its branch), never the requester; once per version.
 */
export async function notifyFourEyes(tx: Prisma.TransactionClient, input: { enrollmentId: string; version: number; requesterId: string }): Promise<void> {
  const enrollment = await tx.enrollment.findUnique({ where: { id: input.enrollmentId }, select: { branchCode: true, wisenrollCode: true } });
  if (!enrollment) return;
  const approvers = await tx.user.findMany({ where: { ...usersReachingWhere("enrollment:push", enrollment.branchCode), id: { not: input.requesterId } }, select: { id: true }, take: 500 });
  await notify(tx, {
    recipients: approvers.map((user) => user.id),
    kind: "four_eyes_awaiting",
    enrollmentId: input.enrollmentId,
    params: { code: enrollment.wisenrollCode, byId: input.requesterId },
    dedupeKey: `four_eyes:${input.enrollmentId}:${input.version}`,
    actorId: input.requesterId,
  });
}

/** AMLYZE reported a hit (a screening match) on a customer: whoever pushed the customer is told, once per event. */
export async function notifyAmlHit(tx: TNotifyTx, input: { eventId: string; customerExtId: string; enrollmentId: string | null; list: string }): Promise<void> {
  if (!input.enrollmentId) return;
  const [row] = await runnerOf(tx)<{ requester: string | null; code: string | null }>(Prisma.sql`
    SELECT push_requested_by_id::text AS requester, wisenroll_code AS code FROM enrollments WHERE id = ${input.enrollmentId}::uuid`);
  if (!row?.requester) return;
  await notify(tx, {
    recipients: [row.requester],
    kind: "aml_hit",
    enrollmentId: input.enrollmentId,
    params: { code: row.code, customerExtId: input.customerExtId, list: input.list },
    dedupeKey: `aml_hit:${input.eventId}`,
  });
}

/**
 * SLA: the enrollment is past its due time. `escalated`: it has no owner, so its branch's leads
 * are told as an escalation. Once per enrollment, kind (and due time), however often the SLA sweep calls it.
 */
export async function notifySlaBreach(
  tx: TNotifyTx,
  input: { enrollmentId: string; userIds: readonly string[]; escalated: boolean; /** The due time breached: a later due time breached is news again. */ dueAt?: Date },
): Promise<number> {
  const kind = input.escalated ? "sla_escalated" : "sla_breached";
  const codes = await codesOf(tx, [input.enrollmentId]);
  return notify(tx, {
    recipients: input.userIds,
    kind,
    enrollmentId: input.enrollmentId,
    params: { code: codes.get(input.enrollmentId) ?? null },
    dedupeKey: `${kind}:${input.enrollmentId}${input.dueAt ? `:${input.dueAt.toISOString()}` : ""}`,
  });
}
