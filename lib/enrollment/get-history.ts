import "server-only";
import { piiOwner } from "@/lib/crypto/pii";
import { diffValues, type TChange } from "@/lib/enrollment/diff";
import { normalizeEnrollment } from "@/lib/enrollment/normalize";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openChanges } from "@/lib/pii/identities";

export type TRevisionEntry = { version: number; section: string; actorLabel: string; at: Date; changes: TChange[] };

/** Every saved edit of an enrollment, newest first, identity numbers opened. */
export async function listRevisions(db: PrismaClient, enrollmentId: string): Promise<TRevisionEntry[]> {
  const rows = await db.enrollmentRevision.findMany({
    where: { enrollmentId },
    orderBy: { version: "desc" },
    select: { version: true, section: true, actorLabel: true, at: true, changes: true },
    take: 500,
  });
  const owner = piiOwner.enrollment(enrollmentId);
  return rows.map((row) => ({ ...row, changes: openChanges(row.changes as unknown as TChange[], owner) }));
}

/** What reviewers changed: the current payload against the payload as received. */
export function changesSinceReceived(receivedPayload: unknown, payload: unknown): TChange[] {
  const { requested_products: _products, ...received } = (receivedPayload ?? {}) as Record<string, unknown>;
  return diffValues(normalizeEnrollment(received), payload);
}
