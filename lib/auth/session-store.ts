// Sessions as rows. The session cookie is a JWT that nothing can recall once issued, so each one
// names its row (`sid`) and counts only while that row exists: deleting the row is what ends a
// session, wherever its cookie has been copied to (lib/auth/current-user.ts reads it per request).
import "server-only";
import type { TDb } from "@/lib/db/types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A session id as a JWT carries it, or null when it is missing or not one of ours. */
export function sessionIdOf(claim: unknown): string | null {
  return typeof claim === "string" && UUID.test(claim) ? claim : null;
}

/** Opens a session for a sign-in and returns its id; the user's expired rows go on the way. */
export async function openSession(db: TDb, options: { userId: string; maxAgeSeconds: number; now?: Date }): Promise<string> {
  const now = options.now ?? new Date();
  await db.userSession.deleteMany({ where: { userId: options.userId, expiresAt: { lte: now } } });
  const session = await db.userSession.create({
    data: { userId: options.userId, expiresAt: new Date(now.getTime() + options.maxAgeSeconds * 1000) },
    select: { id: true },
  });
  return session.id;
}

/** Ends one session (signing out). */
export async function endSession(db: TDb, sessionId: string): Promise<void> {
  await db.userSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a user (a new password, a new second factor, a new role). */
export async function endUserSessions(db: TDb, userId: string): Promise<number> {
  return (await db.userSession.deleteMany({ where: { userId } })).count;
}
