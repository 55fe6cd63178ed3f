import "server-only";
import { z } from "zod";
import { isRetiredSecret } from "@/lib/config/retired-secrets";
import { indexKeyFromEnv, piiKeyringFromEnv } from "@/lib/crypto/pii";
import { keyringFromEnv } from "@/lib/crypto/secrets";
import { parseTrustedProxies } from "@/lib/http/client-address";

const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ error: "DATABASE_URL must be a postgresql:// URL" }),
    /** Signs and seals the session cookies. Required everywhere; a local run makes one (lib/config/local-secrets.ts). */
    AUTH_SECRET: z
      .string({ error: "AUTH_SECRET is required (e.g. `openssl rand -base64 32`)" })
      .min(32, { error: "AUTH_SECRET must be at least 32 characters" })
      .refine((secret) => !isRetiredSecret(secret), { error: "AUTH_SECRET was published in the repository as a development secret: make a new one" }),
    /** Comma-separated intake API keys for deployments and tests (admin-created keys live in the database). */
    INTAKE_API_KEYS: z.string().optional(),
    /** Session lifetime in seconds; short on purpose (the role is re-read on every request anyway). */
    SESSION_MAX_AGE: z.coerce.number().int().positive().default(8 * 60 * 60),
    LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(10),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
    /** Failed logins of one username, from any address, before each further one delays the next. */
    LOGIN_USERNAME_FREE_FAILURES: z.coerce.number().int().positive().default(10),
    /** The longest such delay, in seconds (they double from 1 s). */
    LOGIN_USERNAME_MAX_DELAY_SECONDS: z.coerce.number().int().positive().default(300),
    /** Addresses or CIDR ranges of our own proxies, whose X-Forwarded-For is believed (none by default). */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .superRefine((spec, ctx) => {
        try {
          parseTrustedProxies(spec);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : "invalid" });
        }
      }),
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
    /** No push worker heartbeat for this long: officers and admins see a banner, /api/health says stale. */
    WORKER_STALE_SECONDS: z.coerce.number().int().min(1).default(30),
    /** on/off: the queue's "In the core / same person" column (identity matching); off is the bench's baseline. */
    QUEUE_IDENTITY_COLUMN: z.enum(["on", "off"]).default("on"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .transform((env, ctx) => {
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
    return env;
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
