// The one way a notification is born: inside the transaction of the change it tells about, so it
// exists exactly when the change does. One row per recipient and dedupe key (INSERT ... ON CONFLICT
// DO NOTHING): a source that runs twice (a retried job, a webhook delivered again) notifies once.
// The actor is never told of their own act. Listeners are woken by pg_notify, which PostgreSQL
// delivers at commit and drops at rollback (lib/notifications/listener.ts fans it out).
import "server-only";
import { v7 as uuidv7 } from "uuid";
import type { TSqlRunner } from "@/lib/aml/customer-store";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TNotificationKind, TNotificationParams } from "./kinds";

/** The channel listeners LISTEN on; its payload is the recipients' ids, comma-separated, or "*". */
export const NOTIFICATION_CHANNEL = "console_notifications";
/** Past this many recipients the wake-up says "everyone" (a NOTIFY payload holds < 8000 bytes). */
const MAX_NAMED_RECIPIENTS = 150;

/** One event to tell: whom, what, about which enrollment, and the key that makes it once-only per recipient. */
export type TNotifyInput = {
  recipients: readonly (string | null | undefined)[];
  kind: TNotificationKind;
  enrollmentId: string | null;
  params: TNotificationParams;
  dedupeKey: string;
  /** Who acted: never notified of it (null: the system). */
  actorId?: string | null;
};

/** The caller's transaction: a Prisma transaction client, or a runner on a pg client inside BEGIN. */
export type TNotifyTx = Prisma.TransactionClient | TSqlRunner;

export const runnerOf = (tx: TNotifyTx): TSqlRunner => (typeof tx === "function" ? tx : <T,>(sql: Prisma.Sql) => tx.$queryRaw<T[]>(sql));

/** Records the notification for each recipient (active users only, not the actor); returns how many are new. */
export async function notify(tx: TNotifyTx, input: TNotifyInput): Promise<number> {
  const recipients = [...new Set(input.recipients.filter((id): id is string => typeof id === "string" && id !== input.actorId))];
  if (recipients.length === 0) return 0;
  const [row] = await runnerOf(tx)<{ inserted: number }>(Prisma.sql`
    WITH ins AS (
      INSERT INTO notifications (id, recipient_id, kind, enrollment_id, params, dedupe_key)
      SELECT v.id, v.recipient_id, ${input.kind}, ${input.enrollmentId}::uuid, ${JSON.stringify(input.params)}::jsonb, ${input.dedupeKey}
      FROM unnest(${recipients.map(() => uuidv7())}::uuid[], ${recipients}::uuid[]) AS v(id, recipient_id)
      JOIN users u ON u.id = v.recipient_id AND NOT u.disabled
      ON CONFLICT (recipient_id, dedupe_key) DO NOTHING
      RETURNING recipient_id),
    woke AS (
      SELECT pg_notify(${NOTIFICATION_CHANNEL}, CASE WHEN count(*) > ${MAX_NAMED_RECIPIENTS} THEN '*' ELSE string_agg(recipient_id::text, ',') END)
      FROM ins HAVING count(*) > 0)
    SELECT (SELECT count(*) FROM ins)::int AS inserted, (SELECT count(*) FROM woke)::int AS woke`);
  return row?.inserted ?? 0;
}

/** Wakes a user's listeners without a new notification (their unread count changed: read on another tab). */
export async function wakeListeners(tx: TNotifyTx, userId: string): Promise<void> {
  // pg_notify returns void, which a driver cannot read back: count it instead
  await runnerOf(tx)(Prisma.sql`SELECT count(*)::int AS woke FROM (SELECT pg_notify(${NOTIFICATION_CHANNEL}, ${userId})) AS w`);
}
