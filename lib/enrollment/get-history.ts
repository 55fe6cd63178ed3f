import "server-only";
import { piiOwner } from "@/lib/crypto/pii";
import { diffValues, type TChange } from "@/lib/enrollment/diff";
import { normalizeEnrollment } from "@/lib/enrollment/normalize";
import type { TDb } from "@/lib/db/types";
import { openChanges } from "@/lib/pii/identities";
import { actorName, displayNames, withActorNames } from "@/lib/users/display-names";

/** One saved edit; `who` is the person by display name. */
export type TRevisionEntry = { version: number; section: string; who: string; at: Date; changes: TChange[] };

/** Every saved edit of an enrollment, newest first, identity numbers opened. */
export async function listRevisions(db: TDb, enrollmentId: string): Promise<TRevisionEntry[]> {
  const rows = await db.enrollmentRevision.findMany({
    where: { enrollmentId },
    orderBy: { version: "desc" },
    select: { version: true, section: true, actorId: true, actorLabel: true, at: true, changes: true },
    take: 500,
  });
  const owner = piiOwner.enrollment(enrollmentId);
  return (await withActorNames(db, rows)).map((row) => ({
    version: row.version,
    section: row.section,
    who: row.actorName,
    at: row.at,
    changes: openChanges(row.changes as unknown as TChange[], owner),
  }));
}

/** What reviewers changed: the current payload against the payload as received. */
export function changesSinceReceived(receivedPayload: unknown, payload: unknown): TChange[] {
  const { requested_products: _products, ...received } = (receivedPayload ?? {}) as Record<string, unknown>;
  return diffValues(normalizeEnrollment(received), payload);
}

/** What the history shows of pushes: each request and the core's answer to its customer step. */
export const PUSH_HISTORY_ACTIONS = ["enrollment.push_requested", "core.customer_saved", "core.customer_rejected", "core.customer_failed"] as const;

export type TPushHistoryEntry = {
  action: (typeof PUSH_HISTORY_ACTIONS)[number];
  at: Date;
  /** The person who asked (display name), or null for the push worker. */
  who: string | null;
  pushSeq: number | null;
  products: string[];
  status: number | null;
  attempt: number | null;
};

/** The pushes of an enrollment as its audit log recorded them, newest first. */
export async function listPushHistory(db: TDb, enrollmentId: string): Promise<TPushHistoryEntry[]> {
  const rows = await db.auditEvent.findMany({
    where: { targetType: "enrollment", targetId: enrollmentId, action: { in: [...PUSH_HISTORY_ACTIONS] } },
    orderBy: { id: "desc" },
    take: 200,
    select: { action: true, at: true, actorId: true, actorLabel: true, details: true },
  });
  const names = await displayNames(db, rows.map((row) => row.actorId));
  const number = (value: unknown) => (typeof value === "number" ? value : null);
  return rows.map((row) => {
    const details = (row.details ?? {}) as Record<string, unknown>;
    return {
      action: row.action as TPushHistoryEntry["action"],
      at: row.at,
      who: row.actorId ? actorName(names, row) : null,
      pushSeq: number(details.pushSeq),
      products: Array.isArray(details.products) ? details.products.filter((p): p is string => typeof p === "string") : [],
      status: number(details.status),
      attempt: number(details.attempt),
    };
  });
}
