import "server-only";
import { recordAudit, type TAuditActor } from "@/lib/audit/record-audit";
import { piiKeys, piiOwner } from "@/lib/crypto/pii";
import { changedPaths, diffValues } from "@/lib/enrollment/diff";
import type { TSectionKey } from "@/lib/enrollment/field-table";
import type { TSaveSectionResult } from "@/lib/enrollment/save-section-input";
import { validateEnrollment, validateSection } from "@/lib/enrollment/validate";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { extractQueueColumns } from "@/lib/intake/extract-columns";
import { openIdentities, sealChanges, sealIdentities } from "@/lib/pii/identities";
import { lastSectionSave } from "@/lib/enrollment/section-versions";
import { EDITABLE, statusAfterEdit } from "@/lib/enrollment/status";
import { dueAtAfterBranchChange } from "@/lib/sla/recompute-due-times";


/** The enrollment to save does not exist. */
export class EnrollmentNotFoundError extends Error {}

export type TSaveSectionOptions = {
  enrollmentId: string;
  /** The section's version the value was edited from (0: as received). */
  expectedSectionVersion: number;
  section: TSectionKey;
  value: unknown;
  actor: TAuditActor;
};

/**
 * Replaces one section of the reviewed payload, if nobody saved that section since the caller's
 * version of it. Saves of one enrollment are serialised on its row, so two saves of different
 * sections both land and two of the same section never both do. The version check, the new
 * payload, the revision (with values) and the audit event (paths only) are one transaction:
 * either all are written or none. A value equal to the stored one writes nothing. The payload
 * is compared and validated in clear; it and the revision's values are written sealed.
 */
export async function saveSection(db: PrismaClient, options: TSaveSectionOptions): Promise<TSaveSectionResult> {
  const errors = validateSection(options.section, options.value);
  if (errors.length > 0) return { kind: "invalid", errors: errors.map(({ path, message }) => ({ path, message })) };

  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM enrollments WHERE id = ${options.enrollmentId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new EnrollmentNotFoundError(options.enrollmentId);
    const current = await tx.enrollment.findUniqueOrThrow({
      where: { id: options.enrollmentId },
      select: { payload: true, version: true, status: true, customerNumber: true, branchCode: true, receivedAt: true, slaStoppedAt: true },
    });
    if (!EDITABLE.has(current.status)) return { kind: "locked", status: current.status };

    const keys = piiKeys();
    const owner = piiOwner.enrollment(options.enrollmentId);
    const before = openIdentities(current.payload, owner, keys.keyring) as Record<string, unknown>;
    const last = await lastSectionSave(tx, options.enrollmentId, options.section);
    const sectionVersion = last?.version ?? 0;
    if (sectionVersion !== options.expectedSectionVersion) {
      return {
        kind: "conflict",
        sectionVersion,
        editedBy: last?.by ?? null,
        editedAt: last?.at.toISOString() ?? null,
        value: before[options.section] ?? null,
      };
    }
    const changes = diffValues(before[options.section], options.value, options.section);
    if (changes.length === 0) return { kind: "unchanged", sectionVersion };

    const payload = { ...before, [options.section]: options.value };
    const issueCount = validateEnrollment(payload).length;
    const status = statusAfterEdit({ issueCount, customerNumber: current.customerNumber });
    const version = current.version + 1;
    const columns = extractQueueColumns(payload, keys.indexKey);
    // A move to another branch takes that branch's target (the owner stays).
    const sla = columns.branchCode !== current.branchCode ? await dueAtAfterBranchChange(tx, { ...current, branchCode: columns.branchCode }) : {};
    await tx.enrollment.update({
      where: { id: options.enrollmentId },
      data: {
        payload: sealIdentities(payload, owner, keys.keyring) as Prisma.InputJsonObject,
        version,
        issueCount,
        status,
        lastEditedById: options.actor.id,
        ...columns,
        ...sla,
      },
    });
    await tx.enrollmentRevision.create({
      data: {
        enrollmentId: options.enrollmentId,
        version,
        section: options.section,
        actorId: options.actor.id,
        actorLabel: options.actor.label,
        changes: sealChanges(changes, owner, keys.keyring) as unknown as Prisma.InputJsonArray,
      },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "enrollment.section_saved",
      targetType: "enrollment",
      targetId: options.enrollmentId,
      details: { section: options.section, version, paths: changedPaths(changes), issues: issueCount, ...("dueAt" in sla && sla.dueAt ? { dueAt: sla.dueAt.toISOString() } : {}) },
    });
    return { kind: "saved", version, issueCount, status, changed: changes.length };
  });
}
