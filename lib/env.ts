import "server-only";
import { z } from "zod";
import { DEV_AUTH_SECRET } from "@/lib/auth/dev-secret";
import { indexKeyFromEnv, piiKeyringFromEnv } from "@/lib/crypto/pii";
import { keyringFromEnv } from "@/lib/crypto/secrets";

const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ error: "DATABASE_URL must be a postgresql:// URL" }),
    AUTH_SECRET: z.string().min(32, { error: "AUTH_SECRET must be at least 32 characters" }).optional(),
    /** Comma-separated intake API keys for deployments and tests (admin-created keys live in the database). */
    INTAKE_API_KEYS: z.string().optional(),
    /** Session lifetime in seconds; short on purpose (the role is re-read on every request anyway). */
    SESSION_MAX_AGE: z.coerce.number().int().positive().default(8 * 60 * 60),
    LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(10),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
    CORE_BASE_URL: z.url().optional(),
    CORE_USERNAME: z.string().optional(),
    CORE_PASSWORD: z.string().optional(),
    AMLYZE_BASE_URL: z.url().optional(),
    AMLYZE_PATH: z.string().optional(),
    AMLYZE_TOKEN: z.string().optional(),
    AMLYZE_WEBHOOK_SECRET: z.string().optional(),
    /** Webhook transactions in flight at once in this process (lib/aml/event-batcher.ts). */
    AMLYZE_WEBHOOK_LANES: z.coerce.number().int().min(1).max(32).default(2),
    /** `<version>:<base64 32-byte key>,...`, the first seals; see lib/crypto/secrets.ts. */
    SETTINGS_ENCRYPTION_KEYS: z.string().optional(),
    /** Same format, for identity numbers at rest (lib/crypto/pii.ts); its own keys, rotated with `npm run pii:rotate`. */
    PII_ENCRYPTION_KEYS: z.string().optional(),
    /** base64 of 32 bytes: the HMAC key of the document number blind index. */
    PII_INDEX_KEY: z.string().optional(),
    /** on/off: every user needs a TOTP second factor; wins over the admin setting. */
    REQUIRE_TOTP: z.enum(["on", "off", "true", "false", "1", "0"]).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .transform((env, ctx) => {
    // `next start` always runs with NODE_ENV=production; ALLOW_DEV_SECRET is for local demo runs only.
    if (!env.AUTH_SECRET && env.NODE_ENV === "production" && process.env.ALLOW_DEV_SECRET !== "1") {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "AUTH_SECRET is required in production" });
      return z.NEVER;
    }
    try {
      keyringFromEnv(process.env);
    } catch (error) {
      ctx.addIssue({ code: "custom", path: ["SETTINGS_ENCRYPTION_KEYS"], message: error instanceof Error ? error.message : "invalid" });
      return z.NEVER;
    }
    for (const [variable, check] of [["PII_ENCRYPTION_KEYS", piiKeyringFromEnv], ["PII_INDEX_KEY", indexKeyFromEnv]] as const) {
      try {
        check(process.env);
      } catch (error) {
        ctx.addIssue({ code: "custom", path: [variable], message: error instanceof Error ? error.message : "invalid" });
        return z.NEVER;
      }
    }
    return { ...env, AUTH_SECRET: env.AUTH_SECRET ?? DEV_AUTH_SECRET };
  });

export type TEnv = z.output<typeof ZEnv>;

let cached: TEnv | undefined;

/** The validated environment; throws at first use with every problem named. */
export function env(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
