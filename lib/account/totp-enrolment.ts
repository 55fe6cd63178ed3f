// Enrolling a TOTP second factor: a secret is generated and sealed as "pending", shown once (QR
// and text), and becomes the user's factor only when they type a valid code from their app.
import "server-only";
import QRCode from "qrcode";
import { recordAudit, type TAuditActor } from "@/lib/audit/record-audit";
import { endUserSessions } from "@/lib/auth/session-store";
import { matchTotp, newRecoveryCodes, newTotpSecret, totpUri } from "@/lib/auth/totp";
import { decryptSecret, encryptSecret, secretOwner } from "@/lib/crypto/secrets";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TTotpSetup = { kind: "started"; secret: string; qrDataUrl: string } | { kind: "already_enabled" };
export type TTotpConfirm = { kind: "enabled"; recoveryCodes: string[] } | { kind: "wrong_code" } | { kind: "not_started" } | { kind: "already_enabled" };

/** Starts (or restarts) enrolment with a fresh secret; the previous pending one is replaced. */
export async function startTotpEnrolment(db: PrismaClient, user: { id: string; username: string }): Promise<TTotpSetup> {
  const current = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  if (current.totpEnabledAt) return { kind: "already_enabled" };
  const secret = newTotpSecret();
  const sealed = encryptSecret(secret, secretOwner.userTotpPending(user.id));
  await db.user.update({ where: { id: user.id }, data: { totpPendingSecret: sealed.ciphertext, totpPendingKeyVersion: sealed.keyVersion } });
  const qrDataUrl = await QRCode.toDataURL(totpUri(secret, user.username), { errorCorrectionLevel: "M", margin: 1, width: 220 });
  return { kind: "started", secret, qrDataUrl };
}

/** Confirms enrolment with a code from the app; returns ten recovery codes to show once. */
export async function confirmTotpEnrolment(
  db: PrismaClient,
  options: { userId: string; code: string; actor: TAuditActor; ip?: string | null; now?: number },
): Promise<TTotpConfirm> {
  const user = await db.user.findUniqueOrThrow({ where: { id: options.userId }, select: { totpEnabledAt: true, totpPendingSecret: true } });
  if (user.totpEnabledAt) return { kind: "already_enabled" };
  if (!user.totpPendingSecret) return { kind: "not_started" };
  const secret = decryptSecret(user.totpPendingSecret, secretOwner.userTotpPending(options.userId));
  const step = matchTotp(secret, options.code, options.now);
  if (step === null) return { kind: "wrong_code" };
  const sealed = encryptSecret(secret, secretOwner.userTotp(options.userId));
  const recovery = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: options.userId },
      data: {
        totpSecret: sealed.ciphertext,
        totpKeyVersion: sealed.keyVersion,
        totpEnabledAt: new Date(),
        totpLastStep: BigInt(step),
        totpPendingSecret: null,
        totpPendingKeyVersion: null,
        totpRecoveryHashes: recovery.hashes,
      },
    });
    // Sessions opened with the password alone end; the caller gives the user a new one.
    await endUserSessions(tx, options.userId);
    await recordAudit(tx, { actor: options.actor, action: "user.totp_enrolled", targetType: "user", targetId: options.userId, ip: options.ip });
  });
  return { kind: "enabled", recoveryCodes: recovery.codes };
}
