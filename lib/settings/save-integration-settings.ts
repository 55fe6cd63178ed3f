import "server-only";
import { recordAudit, type TAuditActor } from "@/lib/audit/record-audit";
import { encryptSecret, secretOwner, settingsKeyring, type TKeyring } from "@/lib/crypto/secrets";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { INTEGRATIONS, type TIntegration, type TSettingField } from "./integration-fields";

/** A field set by its environment variable cannot be changed here (the environment would win). */
export class SettingLockedError extends Error {
  constructor(readonly envName: string) {
    super(`${envName} is set in the environment; change it there.`);
  }
}

export type TSaveIntegrationSettings = {
  integration: TIntegration;
  /** Parsed form values: undefined leaves a field alone, "" clears a plain field or keeps a secret. */
  values: Record<string, string | number | undefined>;
  /** Secrets to remove. */
  clear: string[];
  /** A person, or the seed (id null). */
  actor: TAuditActor;
  ip?: string | null;
  env?: Record<string, string | undefined>;
  keyring?: TKeyring;
};

const sameValue = (stored: unknown, next: string | number) => stored === next;

/**
 * Writes the changed fields of one integration and one audit event naming them (keys only, never
 * values), in one transaction. Returns the keys changed and cleared.
 */
export async function saveIntegrationSettings(db: PrismaClient, options: TSaveIntegrationSettings): Promise<{ changed: string[]; cleared: string[] }> {
  const fields: Record<string, TSettingField> = INTEGRATIONS[options.integration];
  const env = options.env ?? process.env;
  const keyring = options.keyring ?? settingsKeyring();
  const touched = [...Object.entries(options.values).filter(([, value]) => value !== undefined).map(([name]) => name), ...options.clear];
  for (const name of touched) {
    const f = fields[name];
    if (!f) throw new Error(`unknown ${options.integration} setting ${name}`);
    const fromEnv = env[f.env];
    if (fromEnv !== undefined && fromEnv.trim() !== "") throw new SettingLockedError(f.env);
  }

  return db.$transaction(async (tx) => {
    const rows = new Map(
      (await tx.integrationSetting.findMany({ where: { key: { in: Object.values(fields).map((f) => f.key) } } })).map((row) => [row.key, row]),
    );
    const changed: string[] = [];
    const cleared: string[] = [];
    const remove = async (f: TSettingField) => {
      if (!rows.has(f.key)) return;
      await tx.integrationSetting.delete({ where: { key: f.key } });
      cleared.push(f.key);
    };

    for (const [name, value] of Object.entries(options.values)) {
      const f = fields[name]!;
      if (value === undefined || (f.secret && value === "")) continue;
      if (value === "") {
        await remove(f);
        continue;
      }
      if (f.secret) {
        const sealed = encryptSecret(String(value), secretOwner.integrationSetting(f.key), keyring);
        const data = { value: undefined, secret: sealed.ciphertext, keyVersion: sealed.keyVersion, updatedById: options.actor.id };
        await tx.integrationSetting.upsert({ where: { key: f.key }, create: { key: f.key, ...data }, update: data });
        changed.push(f.key);
        continue;
      }
      if (sameValue(rows.get(f.key)?.value, value)) continue;
      await tx.integrationSetting.upsert({
        where: { key: f.key },
        create: { key: f.key, value, updatedById: options.actor.id },
        update: { value, updatedById: options.actor.id },
      });
      changed.push(f.key);
    }
    for (const name of options.clear) await remove(fields[name]!);

    if (changed.length > 0 || cleared.length > 0) {
      await recordAudit(tx, {
        actor: options.actor,
        action: "settings.integration_changed",
        targetType: "integration",
        targetId: options.integration,
        details: { changed, cleared },
        ip: options.ip,
      });
    }
    return { changed, cleared };
  });
}
