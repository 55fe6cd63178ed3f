// "Next enrollment": the enrollment an officer should open now. First the most urgent of their own
// that waits for them; when they have none, the most urgent unowned one of their branches, claimed
// for them in the same transaction (audited as a claim). Of two officers pressing Next at once,
// each gets a different one: the candidate row is locked with SKIP LOCKED and re-checked.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/auth/roles";
import { enrollmentScopeSql } from "@/lib/desk/scope";
import type { TDeskActor } from "@/lib/desk/ownership";
import { AWAITS_OFFICER } from "@/lib/enrollment/status";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { DESK_TIME } from "@/lib/queue/list-enrollments";

export type TNextEnrollment = { kind: "mine"; id: string } | { kind: "claimed"; id: string } | { kind: "none" };

const awaiting = Prisma.sql`status::text = ANY(${[...AWAITS_OFFICER]}::text[])`;

/** The officer's next enrollment (`except`: the one they are leaving, which is not "next"). */
export async function takeNextEnrollment(db: PrismaClient, desk: TDeskActor, options: { except?: string } = {}, now = new Date()): Promise<TNextEnrollment> {
  if (!can(desk.role, "enrollment:own")) throw new Error("this role may not own enrollments");
  const scope = enrollmentScopeSql(desk.scope);
  const except = options.except ? Prisma.sql`id <> ${options.except}::uuid` : Prisma.sql`TRUE`;
  return db.$transaction(async (tx) => {
    const [mine] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id::text AS id FROM enrollments
      WHERE ${scope} AND owner_id = ${desk.actor.id}::uuid AND ${awaiting} AND ${except}
      ORDER BY ${DESK_TIME} ASC, id ASC LIMIT 1`;
    if (mine) return { kind: "mine", id: mine.id };
    const [free] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id::text AS id FROM enrollments
      WHERE ${scope} AND owner_id IS NULL AND ${awaiting} AND ${except}
      ORDER BY ${DESK_TIME} ASC, id ASC LIMIT 1
      FOR UPDATE SKIP LOCKED`;
    if (!free) return { kind: "none" };
    await tx.enrollment.update({ where: { id: free.id }, data: { ownerId: desk.actor.id, ownedAt: now } });
    await recordAudit(tx, {
      actor: desk.actor,
      action: "enrollment.claimed",
      targetType: "enrollment",
      targetId: free.id,
      details: { from: null, to: desk.actor.id, next: true },
      ip: desk.ip ?? null,
    });
    return { kind: "claimed", id: free.id };
  });
}
