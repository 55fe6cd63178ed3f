import "server-only";
import type { TDb } from "@/lib/db/types";
import { PRESENCE_WINDOW_MS, type TPresence, type TPresenceInput } from "./presence-input";

/**
 * Records that `userId` has the enrollment open (and which sections hold their unsaved input),
 * and answers who else has it open now: so a second officer learns "Olga is editing Contact"
 * before any save conflict. A leaving reader is forgotten at once.
 */
export async function notePresence(db: TDb, input: TPresenceInput & { enrollmentId: string; userId: string }): Promise<TPresence[]> {
  const editing = input.leaving ? [] : [...new Set(input.editing)];
  const left = input.leaving === true;
  // Only a later word changes the row: a heartbeat overtaken by the page's goodbye cannot bring
  // the reader back for another window.
  await db.$executeRaw`
    INSERT INTO enrollment_presence (enrollment_id, user_id, editing, seen_at, said_at, "left")
    VALUES (${input.enrollmentId}::uuid, ${input.userId}::uuid, ${editing}::text[], now(), ${BigInt(input.at)}, ${left})
    ON CONFLICT (enrollment_id, user_id) DO UPDATE SET editing = EXCLUDED.editing, seen_at = EXCLUDED.seen_at, said_at = EXCLUDED.said_at, "left" = EXCLUDED."left"
    WHERE enrollment_presence.said_at < EXCLUDED.said_at`;
  if (left) return [];
  const rows = await db.$queryRaw<Array<{ name: string; editing: string[] }>>`
    SELECT COALESCE(NULLIF(u.display_name, ''), u.username) AS name, p.editing
    FROM enrollment_presence p JOIN users u ON u.id = p.user_id
    WHERE p.enrollment_id = ${input.enrollmentId}::uuid AND p.user_id <> ${input.userId}::uuid
      AND NOT p."left" AND p.seen_at > now() - make_interval(secs => ${PRESENCE_WINDOW_MS / 1000}) AND NOT u.disabled
    ORDER BY cardinality(p.editing) DESC, name`;
  return rows;
}

/** Forgets readers gone for a day (the table holds only the recent past). */
export async function prunePresence(db: TDb): Promise<number> {
  return db.$executeRaw`DELETE FROM enrollment_presence WHERE seen_at < now() - interval '1 day'`;
}
