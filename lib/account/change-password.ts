import "server-only";
import { recordAudit, type TAuditActor } from "@/lib/audit/record-audit";
import { clearFailures, lockedUntil, recordFailure, type TThrottlePolicy } from "@/lib/auth/login-throttle";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endUserSessions } from "@/lib/auth/session-store";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TChangePasswordResult = { kind: "changed" } | { kind: "wrong_current" } | { kind: "locked" };

/**
 * A user replaces their password (the temporary one an admin set, or their own). The current one
 * must be given: a session left open is not enough to take over the account. Wrong guesses count
 * towards the same lock as failed sign-ins (`throttle`: the login throttle's key and policy).
 */
export async function changeOwnPassword(
  db: PrismaClient,
  options: {
    userId: string;
    currentPassword: string;
    newPassword: string;
    actor: TAuditActor;
    ip?: string | null;
    throttle?: { key: string; policy: TThrottlePolicy };
  },
): Promise<TChangePasswordResult> {
  const { throttle } = options;
  if (throttle && (await lockedUntil(db, throttle.key))) return { kind: "locked" };
  const user = await db.user.findUniqueOrThrow({ where: { id: options.userId }, select: { passwordHash: true, mustChangePassword: true } });
  if (!(await verifyPassword(user.passwordHash, options.currentPassword))) {
    const failures = throttle ? (await recordFailure(db, throttle.key, throttle.policy)).failures : null;
    await recordAudit(db, { actor: options.actor, action: "user.password_change_refused", targetType: "user", targetId: options.userId, details: { failures }, ip: options.ip });
    return { kind: "wrong_current" };
  }
  if (throttle) await clearFailures(db, throttle.key);
  const passwordHash = await hashPassword(options.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: options.userId }, data: { passwordHash, mustChangePassword: false } });
    // Whoever else holds a session of the account (perhaps why it changes) is out; the caller
    // gives the user a new one (lib/auth/reissue-session.ts).
    await endUserSessions(tx, options.userId);
    await recordAudit(tx, {
      actor: options.actor,
      action: "user.password_changed",
      targetType: "user",
      targetId: options.userId,
      details: { wasTemporary: user.mustChangePassword },
      ip: options.ip,
    });
  });
  return { kind: "changed" };
}
