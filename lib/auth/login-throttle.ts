import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TThrottlePolicy = { maxFailures: number; lockMinutes: number };

export function throttleKey(username: string, ip: string): string {
  return `${username.trim().toLowerCase()}|${ip}`.slice(0, 200);
}

/** The time the key stays locked until, or null when a login may be tried. */
export async function lockedUntil(db: PrismaClient, key: string, now = new Date()): Promise<Date | null> {
  const row = await db.loginThrottle.findUnique({ where: { key } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts one failure atomically; locks the key once the policy's limit is reached. */
export async function recordFailure(db: PrismaClient, key: string, policy: TThrottlePolicy, now = new Date()) {
  const rows = await db.$queryRaw<Array<{ failures: number; locked_until: Date | null }>>`
    INSERT INTO login_throttle (key, failures, locked_until, updated_at)
    VALUES (${key}, 1, NULL, ${now})
    ON CONFLICT (key) DO UPDATE SET
      -- an expired lock starts a fresh count
      failures = CASE WHEN login_throttle.locked_until IS NOT NULL AND login_throttle.locked_until <= ${now}
                      THEN 1 ELSE login_throttle.failures + 1 END,
      locked_until = CASE WHEN login_throttle.locked_until IS NOT NULL AND login_throttle.locked_until <= ${now}
                          THEN NULL ELSE login_throttle.locked_until END,
      updated_at = ${now}
    RETURNING failures, locked_until`;
  const failures = rows[0]?.failures ?? 1;
  if (failures >= policy.maxFailures) {
    const until = new Date(now.getTime() + policy.lockMinutes * 60_000);
    await db.loginThrottle.update({ where: { key }, data: { lockedUntil: until } });
    return { failures, lockedUntil: until };
  }
  return { failures, lockedUntil: null };
}

export async function clearFailures(db: PrismaClient, key: string) {
  await db.loginThrottle.deleteMany({ where: { key } });
}
