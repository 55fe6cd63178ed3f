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

// Statuses in which the payload may change: never while a push runs or waits for reconciliation.
// A pushed customer may be corrected; the next push sends the update with its customer number.
const EDITABLE = new Set(["received", "in_review", "ready", "failed", "pushed"]);

/** The enrollment to save does not exist. */
export class EnrollmentNotFoundError extends Error {}

export type TSaveSectionOptions = {
  enrollmentId: string;
  expectedVersion: number;
  section: TSectionKey;
  value: unknown;
  actor: TAuditActor;
};

/**
 * Replaces one section of the reviewed payload, if the caller saw the latest version. The
 * version check, the new payload, the revision (with values) and the audit event (paths only)
 * are one transaction: either all are written or none. The payload is compared and validated in
 * clear; it and the revision's values are written with their identity numbers sealed.
 */
export async function saveSection(db: PrismaClient, options: TSaveSectionOptions): Promise<TSaveSectionResult> {
  const errors = validateSection(options.section, options.value);
  if (errors.length > 0) return { kind: "invalid", errors: errors.map(({ path, message }) => ({ path, message })) };

  return db.$transaction(async (tx) => {
    const current = await tx.enrollment.findUnique({
      where: { id: options.enrollmentId },
      select: { payload: true, version: true, status: true, lastEditedById: true },
    });
    if (!current) throw new EnrollmentNotFoundError(options.enrollmentId);
    if (current.version !== options.expectedVersion) {
      const editor = current.lastEditedById
        ? await tx.user.findUnique({ where: { id: current.lastEditedById }, select: { displayName: true } })
        : null;
      return { kind: "conflict", currentVersion: current.version, editedBy: editor?.displayName ?? null };
    }
    if (!EDITABLE.has(current.status)) return { kind: "locked", status: current.status };

    const keys = piiKeys();
    const owner = piiOwner.enrollment(options.enrollmentId);
    const before = openIdentities(current.payload, owner, keys.keyring) as Record<string, unknown>;
    const changes = diffValues(before[options.section], options.value, options.section);
    const payload = { ...before, [options.section]: options.value };
    const issueCount = validateEnrollment(payload).length;
    const status = issueCount === 0 ? "ready" : "in_review";
    const version = current.version + 1;
    // The version in the WHERE makes a concurrent save that slipped past the read lose here.
    const updated = await tx.enrollment.updateMany({
      where: { id: options.enrollmentId, version: current.version },
      data: {
        payload: sealIdentities(payload, owner, keys.keyring) as Prisma.InputJsonObject,
        version,
        issueCount,
        status,
        lastEditedById: options.actor.id,
        ...extractQueueColumns(payload, keys.indexKey),
      },
    });
    if (updated.count !== 1) return { kind: "conflict", currentVersion: current.version + 1, editedBy: null };
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
      details: { section: options.section, version, paths: changedPaths(changes), issues: issueCount },
    });
    return { kind: "saved", version, issueCount, status, changed: changes.length };
  });
}
