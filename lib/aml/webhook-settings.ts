// The webhook's settings per delivery. The secret resolves like every AMLYZE setting
// (AMLYZE_WEBHOOK_SECRET wins, then Admin → Integrations), but reading the database on every
// event would cost a round trip per delivery on the webhook's hot path: the stored secret is kept
// for WEBHOOK_SECRET_TTL_MS (5 s), so a secret an admin saves or rotates is in force on every
// instance within five seconds. Concurrent deliveries after the cache expires share one read.
import "server-only";
import type { TDb } from "@/lib/db/types";
import { AMLYZE_FIELDS } from "@/lib/settings/integration-fields";
import { amlyzeWebhookSecret, IntegrationSettingsError } from "@/lib/settings/integrations";
import { amlWebhookEnvSettings, type TAmlWebhookSettings } from "./settings";

export const WEBHOOK_SECRET_TTL_MS = 5_000;

let stored: { until: number; secret: Promise<string | null> } | undefined;
let fromEnv: { raw: string; secret: string } | undefined;

function envSecret(raw: string): string {
  if (fromEnv?.raw === raw) return fromEnv.secret;
  const parsed = AMLYZE_FIELDS.webhookSecret.schema.safeParse(raw);
  if (!parsed.success) throw new IntegrationSettingsError(`AMLYZE_WEBHOOK_SECRET ${parsed.error.issues[0]?.message ?? "is not valid"}`);
  fromEnv = { raw, secret: String(parsed.data) };
  return fromEnv.secret;
}

function storedSecret(db: TDb, now: number): Promise<string | null> {
  if (stored && stored.until > now) return stored.secret;
  const secret = amlyzeWebhookSecret(db, { env: {} }).then((resolved) => resolved.secret);
  const entry = { until: now + WEBHOOK_SECRET_TTL_MS, secret };
  stored = entry;
  // A failed read is not remembered: the next delivery tries again.
  secret.catch(() => {
    if (stored === entry) stored = undefined;
  });
  return secret;
}

/** Throws IntegrationSettingsError when the configured secret is not valid (named, never shown). */
export async function amlWebhookSettings(db: TDb, env: Record<string, string | undefined> = process.env, now = Date.now()): Promise<TAmlWebhookSettings> {
  const base = amlWebhookEnvSettings(env);
  const raw = env.AMLYZE_WEBHOOK_SECRET;
  const secret = raw !== undefined && raw.trim() !== "" ? envSecret(raw) : await storedSecret(db, now);
  return { ...base, secret };
}

/** Forgets the stored secret, so the next delivery reads it again (tests; a process that just saved it). */
export function forgetWebhookSecret(): void {
  stored = undefined;
}
