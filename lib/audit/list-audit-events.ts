import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { withActorNames } from "@/lib/users/display-names";
import type { TAuditFilters } from "./audit-filters";

export const AUDIT_PAGE_SIZE = 50;

const DAY_MS = 24 * 60 * 60 * 1000;

export type TAuditRow = {
  id: string;
  at: Date;
  /** Who, as the log recorded it (a username, `intake-key:<name>`, `push-worker`): what the filter matches. */
  actorLabel: string;
  /** Who, as people are named: the display name of the person, else the label. */
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Prisma.JsonValue;
  ip: string | null;
};

/** Newest first, one page at a time by id (keyset): `nextBefore` opens the next, older page. */
export async function listAuditEvents(db: PrismaClient, filters: TAuditFilters): Promise<{ rows: TAuditRow[]; nextBefore: string | null }> {
  const at: Prisma.DateTimeFilter = {};
  if (filters.from) at.gte = new Date(`${filters.from}T00:00:00Z`);
  if (filters.to) at.lt = new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY_MS);
  const where: Prisma.AuditEventWhereInput = {
    ...(filters.actor ? { actorLabel: filters.actor } : {}),
    ...(filters.action ? { action: { startsWith: filters.action } } : {}),
    ...(filters.targetType ? { targetType: filters.targetType } : {}),
    ...(filters.targetId ? { targetId: filters.targetId } : {}),
    ...(filters.from || filters.to ? { at } : {}),
    ...(filters.before ? { id: { lt: BigInt(filters.before) } } : {}),
  };
  const found = await db.auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, at: true, actorId: true, actorLabel: true, action: true, targetType: true, targetId: true, details: true, ip: true },
  });
  const page = (await withActorNames(db, found.slice(0, AUDIT_PAGE_SIZE))).map(({ actorId: _actorId, ...row }) => ({ ...row, id: row.id.toString() }));
  return { rows: page, nextBefore: found.length > AUDIT_PAGE_SIZE ? page.at(-1)!.id : null };
}
