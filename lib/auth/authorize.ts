// Sign-in: password, then the TOTP code (or a recovery code) when the user enrolled one. Every
// outcome is audited. A wrong password, a wrong code or a disabled account counts towards the
// lock of that username + address (lib/auth/login-throttle.ts) and, from any address, towards the
// username's growing delay; wrong codes also towards the user's own tighter one (lib/auth/login-delay.ts).
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { clearDelay, delayedUntil, delayKey, isKnownAddress, recordDelayedFailure, rememberAddress, type TDelayPolicy } from "@/lib/auth/login-delay";
import { clearFailures, lockedUntil, recordFailure, throttleKey, type TThrottlePolicy } from "@/lib/auth/login-throttle";
import { verifyPassword } from "@/lib/auth/password";
import type { TRole } from "@/lib/auth/roles";
import { hashRecoveryCode, matchTotp, ZRecoveryCode, ZTotpCode } from "@/lib/auth/totp";
import { decryptSecret, secretOwner } from "@/lib/crypto/secrets";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";

const ZCredentials = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  code: z.string().trim().max(20).optional(),
});

export type TAuthorizeResult =
  | { kind: "ok"; user: { id: string; name: string; role: TRole; sessionEpoch: number } }
  /** Password right, and the user has a second factor: ask for the code (not a failure). */
  | { kind: "code_required" }
  | { kind: "refused" };

type TFactor = "totp" | "recovery_code";

/** The per-address lock, plus the delays across addresses (defaults below when not given). */
export type TLoginPolicy = TThrottlePolicy & { username?: TDelayPolicy; totp?: TDelayPolicy };

const DAY_MS = 24 * 60 * 60_000;
/** After ten free failures, 1 s doubling to 5 minutes: slow for a guesser, short for the user. */
export const USERNAME_DELAY: TDelayPolicy = { freeFailures: 10, firstDelayMs: 1_000, maxDelayMs: 5 * 60_000, forgetAfterMs: DAY_MS };
/** Only a holder of the password gets this far, and six digits are few: two free, then 30 s doubling to 15 minutes. */
export const TOTP_DELAY: TDelayPolicy = { freeFailures: 2, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000, forgetAfterMs: DAY_MS };

/** Checks the code against the user's TOTP secret or unused recovery codes; a match is used up. */
async function checkSecondFactor(db: PrismaClient, user: { id: string; totpSecret: string }, code: string, now: Date): Promise<TFactor | null> {
  const totp = ZTotpCode.safeParse(code);
  if (totp.success) {
    let secret: string;
    try {
      secret = decryptSecret(user.totpSecret, secretOwner.userTotp(user.id));
    } catch (error) {
      // Its key is no longer in SETTINGS_ENCRYPTION_KEYS: an operator must act; a recovery code still works.
      logger.error({ err: error, userId: user.id }, "TOTP secret cannot be decrypted");
      return null;
    }
    const step = matchTotp(secret, totp.data, now.getTime());
    if (step === null) return null;
    // Atomic: of two sign-ins with the same code, one wins; a replayed code finds the step taken.
    const used = await db.$executeRaw`
      UPDATE users SET totp_last_step = ${BigInt(step)}
      WHERE id = ${user.id}::uuid AND (totp_last_step IS NULL OR totp_last_step < ${BigInt(step)})`;
    return used === 1 ? "totp" : null;
  }
  const recovery = ZRecoveryCode.safeParse(code);
  if (!recovery.success) return null;
  const hash = hashRecoveryCode(recovery.data);
  const used = await db.$executeRaw`
    UPDATE users SET totp_recovery_hashes = array_remove(totp_recovery_hashes, ${hash})
    WHERE id = ${user.id}::uuid AND ${hash} = ANY(totp_recovery_hashes)`;
  return used === 1 ? "recovery_code" : null;
}

/** Refused unread while a delay runs: neither counted nor checked, so it cannot stretch the delay. */
async function throttled(db: PrismaClient, username: string, ip: string, scope: "username" | "totp", until: Date, userId: string | null = null): Promise<TAuthorizeResult> {
  await recordAudit(db, { actor: { id: userId, label: username }, action: "login.throttled", details: { scope, until: until.toISOString() }, ip });
  logger.warn({ username, ip, scope }, "login refused: throttled");
  return { kind: "refused" };
}

export async function authorizeCredentials(
  db: PrismaClient,
  raw: Record<string, string> | undefined,
  ip: string,
  policy: TLoginPolicy,
  now: Date = new Date(),
): Promise<TAuthorizeResult> {
  const parsed = ZCredentials.safeParse(raw ?? {});
  if (!parsed.success) return { kind: "refused" };
  const { username, password, code } = parsed.data;
  const key = throttleKey(username, ip);
  const usernameKey = delayKey.username(username);
  const usernameDelay = policy.username ?? USERNAME_DELAY;
  if (await lockedUntil(db, key, now)) {
    await recordAudit(db, { actor: { id: null, label: username }, action: "login.locked", ip });
    logger.warn({ username, ip }, "login refused: locked");
    return { kind: "refused" };
  }
  const waitUntil = await delayedUntil(db, usernameKey, now);
  if (waitUntil && !(await isKnownAddress(db, username, ip, now))) return throttled(db, username, ip, "username", waitUntil);
  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, username: true, displayName: true, role: true, disabled: true, passwordHash: true, totpSecret: true, totpEnabledAt: true, sessionEpoch: true, ssoSubject: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  const secondFactor = user?.totpEnabledAt && user.totpSecret ? { id: user.id, totpSecret: user.totpSecret } : null;

  // An account made by single sign-on has no password; its column holds no hash (lib/auth/sso/sso-sign-in.ts).
  let reason: string | null = !user ? "unknown_user" : user.disabled ? "disabled" : user.ssoSubject ? "sso_account" : !passwordOk ? "bad_password" : null;
  let factor: TFactor | undefined;
  if (!reason && secondFactor) {
    if (!code) return { kind: "code_required" };
    const totpKey = delayKey.totp(secondFactor.id);
    const codeWait = await delayedUntil(db, totpKey, now);
    if (codeWait) return throttled(db, username, ip, "totp", codeWait, secondFactor.id);
    factor = (await checkSecondFactor(db, secondFactor, code, now)) ?? undefined;
    if (!factor) {
      reason = "bad_code";
      await recordDelayedFailure(db, totpKey, policy.totp ?? TOTP_DELAY, now);
    }
  }
  if (reason || !user) {
    await recordDelayedFailure(db, usernameKey, usernameDelay, now);
    const { failures, lockedUntil: until } = await recordFailure(db, key, policy, now);
    await recordAudit(db, { actor: { id: user?.id ?? null, label: username }, action: "login.failed", details: { reason, failures, locked: until !== null }, ip });
    logger.warn({ username, ip, reason, failures }, "login failed");
    return { kind: "refused" };
  }
  await clearFailures(db, key);
  await clearDelay(db, usernameKey);
  if (factor) await clearDelay(db, delayKey.totp(user.id));
  await rememberAddress(db, username, ip, now);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  await recordAudit(db, { actor: { id: user.id, label: user.username }, action: "login.succeeded", details: factor ? { factor } : {}, ip });
  return { kind: "ok", user: { id: user.id, name: user.displayName, role: user.role as TRole, sessionEpoch: user.sessionEpoch } };
}
