// AMLYZE settings, read in one place. Today they come from the environment; an admin screen
// (a later issue) can put a database-backed source behind the same functions.
import { z } from "zod";
import type { TAuth } from "@/lib/integrations/http/base-client";
import { AMLYZE_CUSTOMER_STATUSES, AMLYZE_DEFAULT_PATH } from "@/lib/integrations/amlyze/schemas";

const OPTIONAL_FIELDS = ["birthDate", "nationality", "document"] as const;
export type TAmlOptionalField = (typeof OPTIONAL_FIELDS)[number];

const ZList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== ""),
  )
  .pipe(z.array(z.enum(OPTIONAL_FIELDS, { error: `AMLYZE_SEND_OPTIONAL takes ${OPTIONAL_FIELDS.join(", ")}` })));

const ZSubmissionEnv = z.object({
  AMLYZE_BASE_URL: z.url({ error: "AMLYZE_BASE_URL must be AMLYZE's base URL" }).optional(),
  AMLYZE_PATH: z.string().startsWith("/", { error: "AMLYZE_PATH must start with /" }).default(AMLYZE_DEFAULT_PATH),
  AMLYZE_AUTH: z.enum(["none", "basic", "bearer"]).default("bearer"),
  AMLYZE_TOKEN: z.string().optional(),
  AMLYZE_USERNAME: z.string().optional(),
  AMLYZE_PASSWORD: z.string().optional(),
  AMLYZE_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  AMLYZE_REQUESTER: z.string().trim().min(1).max(100).default("financial_institution"),
  AMLYZE_RISK_CATEGORY: z.string().trim().min(1).default("FAST"),
  AMLYZE_CUSTOMER_STATUS: z.enum(AMLYZE_CUSTOMER_STATUSES).default("ACTIVE"),
  AMLYZE_SEND_OPTIONAL: ZList,
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
  includeOptional: { birthDate: boolean; nationality: boolean; document: boolean };
};

/** How the worker reaches AMLYZE; `connection` is null when no AMLYZE is configured. */
export type TAmlSubmissionSettings = {
  message: TAmlMessageSettings;
  connection: { baseUrl: string; path: string; auth: TAuth; timeoutMs: number } | null;
  attempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  breaker: { failureThreshold: number; windowMs: number; cooldownMs: number };
};

function issuesOf(error: z.ZodError): string {
  // Paths only: values may be credentials.
  return error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
}

function authFrom(env: z.infer<typeof ZSubmissionEnv>): TAuth {
  if (env.AMLYZE_AUTH === "none") return { kind: "none" };
  if (env.AMLYZE_AUTH === "basic") {
    if (!env.AMLYZE_USERNAME || !env.AMLYZE_PASSWORD) throw new Error("Invalid AMLYZE settings:\n  AMLYZE_USERNAME/AMLYZE_PASSWORD: required with AMLYZE_AUTH=basic");
    return { kind: "basic", username: env.AMLYZE_USERNAME, password: env.AMLYZE_PASSWORD };
  }
  if (!env.AMLYZE_TOKEN) throw new Error("Invalid AMLYZE settings:\n  AMLYZE_TOKEN: required with AMLYZE_AUTH=bearer (the default)");
  return { kind: "bearer", token: env.AMLYZE_TOKEN };
}

/** The worker's AMLYZE settings; throws naming every bad variable (never its value). */
export function amlSubmissionSettings(env: Record<string, string | undefined> = process.env): TAmlSubmissionSettings {
  const parsed = ZSubmissionEnv.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid AMLYZE settings:\n${issuesOf(parsed.error)}`);
  const e = parsed.data;
  const optional = new Set(e.AMLYZE_SEND_OPTIONAL);
  return {
    message: {
      requester: e.AMLYZE_REQUESTER,
      riskManagementCategory: e.AMLYZE_RISK_CATEGORY,
      customerStatus: e.AMLYZE_CUSTOMER_STATUS,
      includeOptional: { birthDate: optional.has("birthDate"), nationality: optional.has("nationality"), document: optional.has("document") },
    },
    connection: e.AMLYZE_BASE_URL ? { baseUrl: e.AMLYZE_BASE_URL, path: e.AMLYZE_PATH, auth: authFrom(e), timeoutMs: e.AMLYZE_TIMEOUT_MS } : null,
    attempts: e.AMLYZE_ATTEMPTS,
    retryBaseMs: e.AMLYZE_RETRY_BASE_MS,
    retryMaxMs: e.AMLYZE_RETRY_MAX_MS,
    breaker: { failureThreshold: e.AMLYZE_BREAKER_FAILURES, windowMs: e.AMLYZE_BREAKER_WINDOW_MS, cooldownMs: e.AMLYZE_BREAKER_COOLDOWN_MS },
  };
}

const ZWebhookEnv = z.object({
  AMLYZE_WEBHOOK_SECRET: z.string().optional(),
  /** hmac: X-Amlyze-Signature: sha256=<hex HMAC of the raw body>; bearer: Authorization: Bearer <secret>. */
  AMLYZE_WEBHOOK_AUTH: z.enum(["hmac", "bearer"]).default("hmac"),
  AMLYZE_WEBHOOK_MAX_BYTES: z.coerce.number().int().min(1_024).max(10 * 1024 * 1024).default(256 * 1024),
});

export type TAmlWebhookSettings = {
  /** null: no secret configured, so nothing can be authenticated and every delivery is refused. */
  secret: string | null;
  auth: "hmac" | "bearer";
  maxBytes: number;
};

let cachedWebhook: { source: string | undefined; value: TAmlWebhookSettings } | undefined;

/** The webhook's settings; read per request, parsed again only when the secret changes. */
export function amlWebhookSettings(env: Record<string, string | undefined> = process.env): TAmlWebhookSettings {
  const key = `${env.AMLYZE_WEBHOOK_SECRET ?? ""}\u0000${env.AMLYZE_WEBHOOK_AUTH ?? ""}\u0000${env.AMLYZE_WEBHOOK_MAX_BYTES ?? ""}`;
  if (cachedWebhook?.source === key) return cachedWebhook.value;
  const parsed = ZWebhookEnv.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid AMLYZE webhook settings:\n${issuesOf(parsed.error)}`);
  const secret = parsed.data.AMLYZE_WEBHOOK_SECRET?.trim() ? parsed.data.AMLYZE_WEBHOOK_SECRET : null;
  const value = { secret, auth: parsed.data.AMLYZE_WEBHOOK_AUTH, maxBytes: parsed.data.AMLYZE_WEBHOOK_MAX_BYTES };
  cachedWebhook = { source: key, value };
  return value;
}
