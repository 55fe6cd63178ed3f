import "server-only";
// Officers' decisions on who a person is (identity_decisions), each audited in its transaction:
// - a conflict (one document, another name or birth date): the same person whose data changed (the
//   push updates the core's customer) or a different person (the enrollment cannot be pushed with
//   this document; fixing a typing error in it is an ordinary save);
// - a possible duplicate (same name and birth date, another document) judged a different person:
//   proposed with a reason by one officer and confirmed by a second, under the four-eyes switch
//   that governs pushes.
import { recordAudit, type TAuditActor } from "@/lib/audit/record-audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readSwitch } from "@/lib/settings/switches";
import type { TDecideConflictResult, TDismissDuplicateResult } from "./identity-decision-input";
import { ALL_BRANCHES, readIdentity } from "./identity-matches";
import { PUSH_RUNNING } from "./status";

type TActor = TAuditActor & { id: string };

export async function decideConflict(
  db: PrismaClient,
  input: { enrollmentId: string; decision: "same_person" | "different_person"; reason: string; actor: TActor; ip?: string | null },
): Promise<TDecideConflictResult> {
  return db.$transaction(async (tx) => {
    // the enrollment's row: a save or a push request of it waits, so the decision is on what they see
    const locked = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM enrollments WHERE id = ${input.enrollmentId}::uuid FOR UPDATE`;
    if (!locked[0]) return { kind: "not_found" };
    if (PUSH_RUNNING.has(locked[0].status)) return { kind: "locked", status: locked[0].status };
    const { self, match } = (await readIdentity(tx, input.enrollmentId, ALL_BRANCHES))!;
    if (!self.identityIndex || !match.conflict) return { kind: "no_conflict" };
    const decision = await tx.identityDecision.create({
      data: {
        enrollmentId: input.enrollmentId,
        kind: input.decision,
        identityIndex: self.identityIndex,
        personIndex: self.personIndex,
        reason: input.reason,
        decidedById: input.actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: "identity.conflict_decided",
      targetType: "enrollment",
      targetId: input.enrollmentId,
      // the reason stays in identity_decisions: an officer's words may name the person
      details: { decisionId: decision.id, decision: input.decision, with: match.conflict.with.map((peer) => peer.id) },
      ip: input.ip ?? null,
    });
    return { kind: "decided" };
  });
}

export async function dismissDuplicate(
  db: PrismaClient,
  input: { enrollmentId: string; otherEnrollmentId: string; reason: string; actor: TActor; ip?: string | null },
): Promise<TDismissDuplicateResult> {
  return db.$transaction(async (tx) => {
    // both rows, in one order: two officers acting on either side of the pair take turns
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM enrollments WHERE id IN (${input.enrollmentId}::uuid, ${input.otherEnrollmentId}::uuid) ORDER BY id FOR UPDATE`;
    if (!locked.some((row) => row.id === input.enrollmentId)) return { kind: "not_found" };
    const { self, match } = (await readIdentity(tx, input.enrollmentId, ALL_BRANCHES))!;
    const duplicate = match.duplicates.find((entry) => entry.peer.id === input.otherEnrollmentId);
    if (!self.identityIndex || !duplicate) return { kind: "not_duplicate" };
    const audit = (action: string, details: Record<string, string | boolean>) =>
      recordAudit(tx, { actor: input.actor, action, targetType: "enrollment", targetId: input.enrollmentId, details: { other: input.otherEnrollmentId, ...details }, ip: input.ip ?? null });

    const proposal = duplicate.proposal;
    if (proposal) {
      if (proposal.decidedById === input.actor.id) {
        await audit("identity.duplicate_dismissal_refused", { reason: "four_eyes", decisionId: proposal.id });
        return { kind: "four_eyes" };
      }
      await tx.identityDecision.update({ where: { id: proposal.id }, data: { confirmedById: input.actor.id, confirmedAt: new Date() } });
      await audit("identity.duplicate_dismissed", { decisionId: proposal.id, confirms: true });
      return { kind: "dismissed" };
    }
    const fourEyes = await readSwitch(tx, "fourEyes");
    const decision = await tx.identityDecision.create({
      data: {
        enrollmentId: input.enrollmentId,
        kind: "not_duplicate",
        identityIndex: self.identityIndex,
        personIndex: self.personIndex,
        otherEnrollmentId: input.otherEnrollmentId,
        reason: input.reason,
        decidedById: input.actor.id,
        ...(fourEyes.on ? {} : { confirmedById: input.actor.id, confirmedAt: new Date() }),
      },
      select: { id: true },
    });
    await audit(fourEyes.on ? "identity.duplicate_dismissal_proposed" : "identity.duplicate_dismissed", { decisionId: decision.id, fourEyes: fourEyes.on });
    return { kind: fourEyes.on ? "proposed" : "dismissed" };
  });
}
