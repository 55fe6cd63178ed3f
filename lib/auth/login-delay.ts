// Growing delays for failures counted across addresses: one username's wrong passwords from
// anywhere, one user's wrong TOTP codes. A lock here would be a weapon (anyone can type a
// username), so after a few free failures each further one only delays the next attempt, doubling
// up to a ceiling; attempts made while delayed are refused unread and not counted, so hammering
// cannot stretch the delay: it always lapses. Rows live in login_throttle beside the per-address
// locks (lib/auth/login-throttle.ts), shared by every web process.
import "server-only";
import type { TDb } from "@/lib/db/types";

/** How many failures are free, how the delay grows after them, and when a quiet count is forgotten. */
export type TDelayPolicy = { freeFailures: number; firstDelayMs: number; maxDelayMs: number; forgetAfterMs: number };

export const delayKey = {
  /** Wrong passwords for a username (known or not, so the answer does not tell which). */
  username: (username: string) => `user:${username.trim().toLowerCase()}`.slice(0, 200),
  /** Wrong second-factor codes of a user (only reachable with the right password). */
  totp: (userId: string) => `totp:${userId}`,
};

/** The delay after `failures` failures, in ms: none while free, then doubling to the ceiling. */
export function delayAfter(failures: number, policy: TDelayPolicy): number {
  const over = failures - policy.freeFailures;
  if (over <= 0) return 0;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(over - 1, 30));
}

/** Until when attempts on the key wait, or null when one may be made now. */
export async function delayedUntil(db: TDb, key: string, now = new Date()): Promise<Date | null> {
  const row = await db.loginThrottle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts one failure atomically and sets the delay it earns. */
export async function recordDelayedFailure(db: TDb, key: string, policy: TDelayPolicy, now = new Date()) {
  const forgetBefore = new Date(now.getTime() - policy.forgetAfterMs);
  const rows = await db.$queryRaw<Array<{ failures: number }>>`
    INSERT INTO login_throttle (key, failures, locked_until, updated_at)
    VALUES (${key}, 1, NULL, ${now})
    ON CONFLICT (key) DO UPDATE SET
      -- a count left quiet long enough starts again
      failures = CASE WHEN login_throttle.updated_at < ${forgetBefore} THEN 1 ELSE login_throttle.failures + 1 END,
      updated_at = ${now}
    RETURNING failures`;
  const failures = rows[0]?.failures ?? 1;
  const delay = delayAfter(failures, policy);
  const until = delay > 0 ? new Date(now.getTime() + delay) : null;
  if (until) await db.loginThrottle.update({ where: { key }, data: { lockedUntil: until } });
  return { failures, delayedUntil: until };
}

export async function clearDelay(db: TDb, key: string) {
  await db.loginThrottle.deleteMany({ where: { key } });
}

/** How long an address a user signed in from stays theirs, exempt from their username's delay. */
const KNOWN_FOR_MS = 30 * 24 * 60 * 60_000;

const knownKey = (username: string, address: string) => `known:${username.trim().toLowerCase()}|${address}`.slice(0, 200);

/**
 * Whether the user signed in from this address lately. Their username's delay does not apply
 * there (only the per-address lock does), so guesses from elsewhere cannot keep them out.
 */
export async function isKnownAddress(db: TDb, username: string, address: string, now = new Date()): Promise<boolean> {
  const row = await db.loginThrottle.findUnique({ where: { key: knownKey(username, address) }, select: { updatedAt: true } });
  return row !== null && row.updatedAt.getTime() > now.getTime() - KNOWN_FOR_MS;
}

export async function rememberAddress(db: TDb, username: string, address: string, now = new Date()) {
  const key = knownKey(username, address);
  await db.loginThrottle.upsert({ where: { key }, create: { key, updatedAt: now }, update: { updatedAt: now } });
}
