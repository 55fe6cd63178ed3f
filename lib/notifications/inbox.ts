// A user's own notifications: the unread count, the list (newest first, paged by a keyset on
// (created_at, id)) rendered for the reader, and marking them read. Every query is the
// recipient's: nobody reads or marks another's.
import "server-only";
import { z } from "zod";
import { recordAudit, type TAuditActor } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { displayNames } from "@/lib/users/display-names";
import { isNotificationKind, notificationHref, type TNotificationItem, type TNotificationParams } from "./kinds";
import { wakeListeners } from "./notify";

/** What the bell shows at most; the page shows the rest. */
export const BELL_SIZE = 8;
export const PAGE_SIZE = 25;

export async function unreadCount(db: TDb, userId: string): Promise<number> {
  return db.notification.count({ where: { recipientId: userId, readAt: null } });
}

const ZCursor = z.object({ at: z.iso.datetime(), id: z.uuid() });
const encodeCursor = (row: { createdAt: Date; id: string }) => Buffer.from(JSON.stringify({ at: row.createdAt.toISOString(), id: row.id })).toString("base64url");
function decodeCursor(cursor: string | null | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  try {
    const parsed = ZCursor.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? { at: new Date(parsed.data.at), id: parsed.data.id } : null;
  } catch {
    return null;
  }
}

/** The reader's notifications, newest first, rendered (names resolved, links for their role). */
export async function listNotifications(
  db: TDb,
  input: { userId: string; mayReadAml: boolean; take: number; cursor?: string | null },
): Promise<{ items: TNotificationItem[]; nextCursor: string | null }> {
  const after = decodeCursor(input.cursor);
  const rows = await db.notification.findMany({
    where: {
      recipientId: input.userId,
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.take + 1,
    select: { id: true, kind: true, enrollmentId: true, params: true, createdAt: true, readAt: true },
  });
  const page = rows.slice(0, input.take).flatMap((row) => (isNotificationKind(row.kind) ? [{ ...row, kind: row.kind, params: (row.params ?? {}) as TNotificationParams }] : []));
  const names = await displayNames(db, page.map((row) => row.params.byId));
  return {
    items: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      code: row.params.code ?? (row.enrollmentId ? row.enrollmentId.slice(0, 8) : ""),
      byName: row.params.byId ? (names.get(row.params.byId) ?? null) : null,
      list: row.params.list ?? null,
      href: notificationHref(row, { mayReadAml: input.mayReadAml }),
      at: row.createdAt.toISOString(),
      read: row.readAt !== null,
    })),
    nextCursor: rows.length > input.take ? encodeCursor(rows[input.take - 1]!) : null,
  };
}

/** Marks the reader's own notifications read (these ids, or all); others' ids change nothing. Audited. */
export async function markRead(db: PrismaClient, input: { actor: TAuditActor & { id: string }; ids: readonly string[] | "all"; ip?: string | null }): Promise<number> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { recipientId: input.actor.id, readAt: null, ...(input.ids === "all" ? {} : { id: { in: [...input.ids] } }) },
      data: { readAt: new Date() },
    });
    if (count === 0) return 0;
    await recordAudit(tx, { actor: input.actor, action: "notifications.read", targetType: "user", targetId: input.actor.id, details: { count, all: input.ids === "all" }, ip: input.ip ?? null });
    // the reader's other tabs bring their count down too
    await wakeListeners(tx, input.actor.id);
    return count;
  });
}
