// AMLYZE settings, read in one place, from two sources:
// - What Admin → Integrations holds (base URL, path, auth and its credentials, requester, risk
//   management category, default customer status, webhook secret, timeout, which optional fields
//   to send) is resolved per use
//   by lib/settings/integrations.ts: the AMLYZE_* variable wins, then the database. The worker
//   reads them per job and the webhook every few seconds, so an admin's change needs no restart.
// - What has no admin field (attempts, backoff, circuit breaker, the webhook's auth mode and
//   size limit) comes from the environment only and is checked at boot.
import { z } from "zod";
import type { TAuth } from "@/lib/integrations/http/base-client";
import { AMLYZE_CUSTOMER_STATUSES } from "@/lib/integrations/amlyze/schemas";
import { AMLYZE_FIELDS, type TAmlyzeOptionalField } from "@/lib/settings/integration-fields";

const ZSubmissionEnv = z.object({
  AMLYZE_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  AMLYZE_RETRY_BASE_MS: z.coerce.number().int().min(0).default(2_000),
  AMLYZE_RETRY_MAX_MS: z.coerce.number().int().min(0).default(60_000),
  AMLYZE_BREAKER_FAILURES: z.coerce.number().int().min(1).default(5),
  AMLYZE_BREAKER_WINDOW_MS: z.coerce.number().int().min(1).default(60_000),
  AMLYZE_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(1).default(30_000),
});

/** What goes into every simplified-customer body (the request builder's options). */
export type TAmlMessageSettings = {
  requester: string;
  riskManagementCategory: string;
  customerStatus: (typeof AMLYZE_CUSTOMER_STATUSES)[number];
  includeOptional: Record<TAmlyzeOptionalField, boolean>;
};

/** The worker's environment-only AMLYZE knobs (no admin field). */
export type TAmlWorkerSettings = {
  attempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  breaker: { failureThreshold: number; windowMs: number; cooldownMs: number };
  /** The AMLYZE_* variables that have an admin field, passed to amlyzeSettings (they win over the database). */
  adminFieldEnv: Record<string, string | undefined>;
};

function issuesOf(error: z.ZodError): string {
  // Paths only: values may be credentials.
  return error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
}

/**
 * The worker's AMLYZE settings from the environment; throws naming every bad variable (never its
 * value). The variables an admin field also has are checked here with that field's schema, so a
 * bad AMLYZE_BASE_URL stops the worker at boot rather than at its first AML job.
 */
export function amlWorkerSettings(env: Record<string, string | undefined> = process.env): TAmlWorkerSettings {
  const problems: string[] = [];
  const adminFieldEnv: Record<string, string | undefined> = {};
  for (const f of Object.values(AMLYZE_FIELDS)) {
    const raw = env[f.env];
    if (raw === undefined || raw.trim() === "") continue;
    const parsed = f.schema.safeParse(raw);
    if (parsed.success) adminFieldEnv[f.env] = raw;
    else problems.push(`  ${f.env}: ${parsed.error.issues[0]?.message ?? "is not valid"}`);
  }
  const parsed = ZSubmissionEnv.safeParse(env);
  if (!parsed.success) problems.push(issuesOf(parsed.error));
  if (problems.length > 0 || !parsed.success) throw new Error(`Invalid AMLYZE settings:\n${problems.join("\n")}`);
  const e = parsed.data;
  return {
    attempts: e.AMLYZE_ATTEMPTS,
    retryBaseMs: e.AMLYZE_RETRY_BASE_MS,
    retryMaxMs: e.AMLYZE_RETRY_MAX_MS,
    breaker: { failureThreshold: e.AMLYZE_BREAKER_FAILURES, windowMs: e.AMLYZE_BREAKER_WINDOW_MS, cooldownMs: e.AMLYZE_BREAKER_COOLDOWN_MS },
    adminFieldEnv,
  };
}

/** How the worker reaches AMLYZE, from the resolved settings; `missing` names what an admin must still set. */
export type TAmlConnection = { ok: true; baseUrl: string; path: string; url: string; auth: TAuth; timeoutMs: number } | { ok: false; missing: string[] };

const ZWebhookEnv = z.object({
  /** hmac: X-Amlyze-Signature: sha256=<hex HMAC of the signing string, webhook-signing.ts>; bearer: Authorization: Bearer <secret>. */
  AMLYZE_WEBHOOK_AUTH: z.enum(["hmac", "bearer"]).default("hmac"),
  AMLYZE_WEBHOOK_MAX_BYTES: z.coerce.number().int().min(1_024).max(10 * 1024 * 1024).default(256 * 1024),
  /** How far ahead of our clock an event's `time` may be (AMLYZE's clock may run a little fast). */
  AMLYZE_WEBHOOK_MAX_CLOCK_SKEW_MS: z.coerce.number().int().min(0).max(3_600_000).default(300_000),
});

export type TAmlWebhookSettings = {
  /** null: no secret configured, so nothing can be authenticated and every delivery is refused. */
  secret: string | null;
  auth: "hmac" | "bearer";
  maxBytes: number;
  /** An event dated further ahead of our clock than this is refused (400). */
  maxClockSkewMs: number;
};

let cachedWebhookEnv: { source: string; value: Omit<TAmlWebhookSettings, "secret"> } | undefined;

/** The webhook's environment-only settings; parsed again only when a variable changes. */
export function amlWebhookEnvSettings(env: Record<string, string | undefined> = process.env): Omit<TAmlWebhookSettings, "secret"> {
  const key = [env.AMLYZE_WEBHOOK_AUTH, env.AMLYZE_WEBHOOK_MAX_BYTES, env.AMLYZE_WEBHOOK_MAX_CLOCK_SKEW_MS].map((value) => value ?? "").join("\u0000");
  if (cachedWebhookEnv?.source === key) return cachedWebhookEnv.value;
  const parsed = ZWebhookEnv.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid AMLYZE webhook settings:\n${issuesOf(parsed.error)}`);
  const value = { auth: parsed.data.AMLYZE_WEBHOOK_AUTH, maxBytes: parsed.data.AMLYZE_WEBHOOK_MAX_BYTES, maxClockSkewMs: parsed.data.AMLYZE_WEBHOOK_MAX_CLOCK_SKEW_MS };
  cachedWebhookEnv = { source: key, value };
  return value;
}
