// `npm run settings:rotate`: re-seals every stored secret with the current key of
// SETTINGS_ENCRYPTION_KEYS, in one transaction (all or nothing), and reports counts, never values.
// Run it after putting a new key first in the list (keep the old one listed until it is done);
// a second run finds nothing left to do.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { resealSecret, SecretDecryptionError, secretOwner, settingsKeyring, type TKeyring } from "@/lib/crypto/secrets";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TRotationCount = { rotated: number; alreadyCurrent: number };
export type TRotationReport = { keyVersion: number; integrationSettings: TRotationCount; totpSecrets: TRotationCount; pendingTotpSecrets: TRotationCount };

const count = (): TRotationCount => ({ rotated: 0, alreadyCurrent: 0 });

export async function rotateSecrets(db: PrismaClient, keyring: TKeyring = settingsKeyring()): Promise<TRotationReport> {
  const report: TRotationReport = { keyVersion: keyring.current, integrationSettings: count(), totpSecrets: count(), pendingTotpSecrets: count() };
  const reseal = (ciphertext: string, owner: string, where: string, tally: TRotationCount) => {
    try {
      const sealed = resealSecret(ciphertext, owner, keyring);
      if (sealed) tally.rotated += 1;
      else tally.alreadyCurrent += 1;
      return sealed;
    } catch (error) {
      // Nothing is written: the transaction rolls back. The message names the row, not the value.
      if (error instanceof SecretDecryptionError) throw new SecretDecryptionError(`${where}: ${error.message}`);
      throw error;
    }
  };

  await db.$transaction(
    async (tx) => {
      const settings = await tx.$queryRaw<Array<{ key: string; secret: string }>>`
        SELECT key, secret FROM integration_settings WHERE secret IS NOT NULL ORDER BY key FOR UPDATE`;
      for (const row of settings) {
        const sealed = reseal(row.secret, secretOwner.integrationSetting(row.key), `setting ${row.key}`, report.integrationSettings);
        if (sealed) await tx.integrationSetting.update({ where: { key: row.key }, data: { secret: sealed.ciphertext, keyVersion: sealed.keyVersion } });
      }
      const users = await tx.$queryRaw<Array<{ id: string; totp_secret: string | null; totp_pending_secret: string | null }>>`
        SELECT id::text, totp_secret, totp_pending_secret FROM users
        WHERE totp_secret IS NOT NULL OR totp_pending_secret IS NOT NULL ORDER BY id FOR UPDATE`;
      for (const user of users) {
        const data: { totpSecret?: string; totpKeyVersion?: number; totpPendingSecret?: string; totpPendingKeyVersion?: number } = {};
        if (user.totp_secret) {
          const sealed = reseal(user.totp_secret, secretOwner.userTotp(user.id), `user ${user.id} second factor`, report.totpSecrets);
          if (sealed) Object.assign(data, { totpSecret: sealed.ciphertext, totpKeyVersion: sealed.keyVersion });
        }
        if (user.totp_pending_secret) {
          const sealed = reseal(user.totp_pending_secret, secretOwner.userTotpPending(user.id), `user ${user.id} pending second factor`, report.pendingTotpSecrets);
          if (sealed) Object.assign(data, { totpPendingSecret: sealed.ciphertext, totpPendingKeyVersion: sealed.keyVersion });
        }
        if (Object.keys(data).length > 0) await tx.user.update({ where: { id: user.id }, data });
      }
      const rotated = report.integrationSettings.rotated + report.totpSecrets.rotated + report.pendingTotpSecrets.rotated;
      if (rotated > 0) {
        await recordAudit(tx, {
          actor: { id: null, label: "settings:rotate" },
          action: "settings.key_rotated",
          details: { keyVersion: keyring.current, integrationSettings: report.integrationSettings.rotated, totpSecrets: report.totpSecrets.rotated, pendingTotpSecrets: report.pendingTotpSecrets.rotated },
        });
      }
    },
    { timeout: 60_000 },
  );
  return report;
}
