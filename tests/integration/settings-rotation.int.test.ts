import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { decryptSecret, encryptSecret, generateKey, parseKeyring, secretOwner } from "@/lib/crypto/secrets";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { coreSettings } from "@/lib/settings/integrations";
import { rotateSecrets } from "@/lib/settings/rotate-secrets";
import { saveIntegrationSettings } from "@/lib/settings/save-integration-settings";
import { scratchDatabase } from "./db";

let db: PrismaClient;
let drop: () => Promise<void>;
const K1 = generateKey();
const K2 = generateKey();
const v1 = parseKeyring(`1:${K1}`);
const v2 = parseKeyring(`2:${K2},1:${K1}`);

beforeAll(async () => {
  const scratch = await scratchDatabase("rotation_test", { migrate: true });
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.appUrl, max: 4 }) });
  drop = async () => {
    await db.$disconnect();
    await scratch.drop();
  };
});
afterAll(async () => drop());

describe("npm run settings:rotate", () => {
  it("re-encrypts every secret with the current key, in one go, and a second run finds nothing to do", async () => {
    const actor = { id: null, label: "test" };
    await saveIntegrationSettings(db, { integration: "core", values: { username: "console", password: "core-pass" }, clear: [], actor, env: {}, keyring: v1 });
    await saveIntegrationSettings(db, { integration: "amlyze", values: { token: "aml-token", webhookSecret: "webhook-secret-0123456789" }, clear: [], actor, env: {}, keyring: v1 });
    const user = await db.user.create({ data: { username: "totp-user", displayName: "T", role: "officer", passwordHash: "x" } });
    const totp = encryptSecret("JBSWY3DPEHPK3PXP", secretOwner.userTotp(user.id), v1);
    const pending = encryptSecret("KRSXG5CTMVRXEZLU", secretOwner.userTotpPending(user.id), v1);
    await db.user.update({ where: { id: user.id }, data: { totpSecret: totp.ciphertext, totpKeyVersion: 1, totpEnabledAt: new Date(), totpPendingSecret: pending.ciphertext, totpPendingKeyVersion: 1 } });

    // The old key is no longer listed: nothing can be opened, so nothing at all is written.
    await expect(rotateSecrets(db, parseKeyring(`2:${K2}`))).rejects.toThrow(/setting amlyze\.token: .*key version 1 is not in/);
    expect(await db.integrationSetting.count({ where: { keyVersion: 1 } })).toBe(3);

    const report = await rotateSecrets(db, v2);
    expect(report).toEqual({
      keyVersion: 2,
      integrationSettings: { rotated: 3, alreadyCurrent: 0 },
      totpSecrets: { rotated: 1, alreadyCurrent: 0 },
      pendingTotpSecrets: { rotated: 1, alreadyCurrent: 0 },
    });
    // Readable with the new key alone: the old one can now be removed from the environment.
    const onlyNew = parseKeyring(`2:${K2}`);
    expect((await coreSettings(db, { env: {}, keyring: onlyNew })).password).toBe("core-pass");
    const rotatedUser = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(rotatedUser.totpKeyVersion).toBe(2);
    expect(decryptSecret(rotatedUser.totpSecret!, secretOwner.userTotp(user.id), onlyNew)).toBe("JBSWY3DPEHPK3PXP");
    expect(decryptSecret(rotatedUser.totpPendingSecret!, secretOwner.userTotpPending(user.id), onlyNew)).toBe("KRSXG5CTMVRXEZLU");
    expect((await db.integrationSetting.findMany({ where: { secret: { not: null } } })).every((row) => row.keyVersion === 2 && row.secret!.startsWith("v2:"))).toBe(true);

    const again = await rotateSecrets(db, v2);
    expect(again.integrationSettings).toEqual({ rotated: 0, alreadyCurrent: 3 });
    expect(again.totpSecrets).toEqual({ rotated: 0, alreadyCurrent: 1 });
    const audits = await db.auditEvent.findMany({ where: { action: "settings.key_rotated" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toEqual({ keyVersion: 2, integrationSettings: 3, totpSecrets: 1, pendingTotpSecrets: 1 });
  });
});
