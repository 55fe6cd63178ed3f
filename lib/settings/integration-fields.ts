// The integration settings as data: for each field its database key, the environment variable
// that wins over it, whether it is a secret, and the one zod schema its value must pass (read
// from the environment, read from the database, typed in the admin form). Shared by the form,
// the server action and lib/settings/integrations.ts: no server imports here.
import { z } from "zod";
import { AMLYZE_CUSTOMER_STATUSES, AMLYZE_DEFAULT_PATH } from "@/lib/integrations/amlyze/schemas";

export const AMLYZE_AUTH_KINDS = ["none", "basic", "bearer"] as const;
export type TAmlyzeAuthKind = (typeof AMLYZE_AUTH_KINDS)[number];

const ZUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .max(500)
  .refine((url) => !/\/\/[^/?#]*@/.test(url), { error: "must not carry credentials (use the username and password fields)" });
const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZTimeout = z.coerce.number({ error: "must be a number of milliseconds" }).int().min(100).max(120_000);

/** simplified-customer's optional fields the reference allows; sent only when an admin enables them. */
export const AMLYZE_OPTIONAL_FIELDS = ["birthDate", "nationality", "document"] as const;
export type TAmlyzeOptionalField = (typeof AMLYZE_OPTIONAL_FIELDS)[number];

/** Every combination, as its canonical value: "none", or the fields in the order above, comma-separated. */
export const AMLYZE_OPTIONAL_CHOICES = ["none", "birthDate", "nationality", "document", "birthDate,nationality", "birthDate,document", "nationality,document", "birthDate,nationality,document"] as const;

/** "document, birthDate" (any order, spaces, or empty) → "birthDate,document"; an unknown name is kept so the enum names it. */
function canonicalOptional(value: string): string {
  const names = value.split(",").map((name) => name.trim()).filter((name) => name !== "" && name !== "none");
  if (names.length === 0) return "none";
  const unknown = names.filter((name) => !(AMLYZE_OPTIONAL_FIELDS as readonly string[]).includes(name));
  if (unknown.length > 0) return unknown.join(",");
  return AMLYZE_OPTIONAL_FIELDS.filter((name) => names.includes(name)).join(",");
}

/** Which optional fields a canonical choice enables. */
export function optionalFieldsOf(choice: string): Record<TAmlyzeOptionalField, boolean> {
  const names = choice.split(",");
  return { birthDate: names.includes("birthDate"), nationality: names.includes("nationality"), document: names.includes("document") };
}

export type TFieldKind = "url" | "text" | "secret" | "timeout" | "path" | "choice";

export type TSettingField = {
  /** Key of the integration_settings row. */
  key: string;
  /** The environment variable that wins over the database. */
  env: string;
  kind: TFieldKind;
  /** Secrets are write-only: stored encrypted, never shown or returned again. */
  secret: boolean;
  schema: z.ZodType<string | number>;
  /** Used when neither the environment nor the database has a value. */
  fallback: string | number | null;
  /** Allowed values of a `choice` field. */
  choices?: readonly string[];
};

/** HTTP Basic credentials (core, AMLYZE). RFC 7617: a Basic user-id cannot contain a colon. */
const ZBasicUser = ZText(200).refine((value) => !value.includes(":"), { error: "must not contain ':'" });
const ZBasicPassword = z.string().min(1).max(1000);

const field = (f: Omit<TSettingField, "secret" | "fallback"> & { fallback?: string | number | null }): TSettingField => ({
  ...f,
  secret: f.kind === "secret",
  fallback: f.fallback ?? null,
});

export const CORE_FIELDS = {
  baseUrl: field({ key: "core.base_url", env: "CORE_BASE_URL", kind: "url", schema: ZUrl }),
  username: field({ key: "core.username", env: "CORE_USERNAME", kind: "text", schema: ZBasicUser }),
  password: field({ key: "core.password", env: "CORE_PASSWORD", kind: "secret", schema: ZBasicPassword }),
  timeoutMs: field({ key: "core.timeout_ms", env: "CORE_TIMEOUT_MS", kind: "timeout", schema: ZTimeout, fallback: 15_000 }),
} satisfies Record<string, TSettingField>;

export const AMLYZE_FIELDS = {
  baseUrl: field({ key: "amlyze.base_url", env: "AMLYZE_BASE_URL", kind: "url", schema: ZUrl }),
  path: field({
    key: "amlyze.path",
    env: "AMLYZE_PATH",
    kind: "path",
    schema: z.string().trim().startsWith("/", { error: "must start with /" }).max(200),
    fallback: AMLYZE_DEFAULT_PATH,
  }),
  authKind: field({ key: "amlyze.auth", env: "AMLYZE_AUTH", kind: "choice", schema: z.enum(AMLYZE_AUTH_KINDS), choices: AMLYZE_AUTH_KINDS, fallback: "bearer" }),
  token: field({ key: "amlyze.token", env: "AMLYZE_TOKEN", kind: "secret", schema: z.string().min(1).max(4000) }),
  username: field({ key: "amlyze.username", env: "AMLYZE_USERNAME", kind: "text", schema: ZBasicUser }),
  password: field({ key: "amlyze.password", env: "AMLYZE_PASSWORD", kind: "secret", schema: ZBasicPassword }),
  requester: field({ key: "amlyze.requester", env: "AMLYZE_REQUESTER", kind: "text", schema: ZText(100), fallback: "financial_institution" }),
  riskManagementCategory: field({ key: "amlyze.risk_management_category", env: "AMLYZE_RISK_CATEGORY", kind: "text", schema: ZText(100), fallback: "FAST" }),
  customerStatus: field({
    key: "amlyze.customer_status",
    env: "AMLYZE_CUSTOMER_STATUS",
    kind: "choice",
    schema: z.enum(AMLYZE_CUSTOMER_STATUSES),
    choices: AMLYZE_CUSTOMER_STATUSES,
    fallback: "ACTIVE",
  }),
  webhookSecret: field({ key: "amlyze.webhook_secret", env: "AMLYZE_WEBHOOK_SECRET", kind: "secret", schema: z.string().min(16, { error: "at least 16 characters" }).max(1000) }),
  timeoutMs: field({ key: "amlyze.timeout_ms", env: "AMLYZE_TIMEOUT_MS", kind: "timeout", schema: ZTimeout, fallback: 10_000 }),
  optionalFields: field({
    key: "amlyze.optional_fields",
    env: "AMLYZE_SEND_OPTIONAL",
    kind: "choice",
    schema: z
      .string()
      .transform(canonicalOptional)
      .pipe(z.enum(AMLYZE_OPTIONAL_CHOICES, { error: `takes none or any of ${AMLYZE_OPTIONAL_FIELDS.join(", ")}` })),
    choices: AMLYZE_OPTIONAL_CHOICES,
    fallback: "none",
  }),
} satisfies Record<string, TSettingField>;

/** OpenID Connect sign-in (Admin → Settings → Single sign-on); SSO_* win, as CORE_* do. */
export const SSO_FIELDS = {
  /** What the login page's button names ("Sign in with <name>"). */
  name: field({ key: "sso.name", env: "SSO_NAME", kind: "text", schema: ZText(60) }),
  /** The issuer exactly as the provider's discovery document states it (`iss` of its tokens). */
  issuer: field({ key: "sso.issuer", env: "SSO_ISSUER", kind: "url", schema: ZUrl }),
  clientId: field({ key: "sso.client_id", env: "SSO_CLIENT_ID", kind: "text", schema: ZText(300) }),
  clientSecret: field({ key: "sso.client_secret", env: "SSO_CLIENT_SECRET", kind: "secret", schema: z.string().min(1).max(2000) }),
  scopes: field({
    key: "sso.scopes",
    env: "SSO_SCOPES",
    kind: "text",
    schema: ZText(500)
      .transform((value) => value.split(/\s+/).join(" "))
      .refine((value) => value.split(" ").includes("openid"), { error: "must include openid" }),
    fallback: "openid profile email",
  }),
  /** The ID token claim listing the person's groups (Entra ID and Keycloak: groups; Okta: as configured). */
  groupsClaim: field({ key: "sso.groups_claim", env: "SSO_GROUPS_CLAIM", kind: "text", schema: ZText(100), fallback: "groups" }),
} satisfies Record<string, TSettingField>;

export const INTEGRATIONS = { core: CORE_FIELDS, amlyze: AMLYZE_FIELDS, sso: SSO_FIELDS } as const;
export type TIntegration = keyof typeof INTEGRATIONS;
export type TCoreField = keyof typeof CORE_FIELDS;
export type TAmlyzeField = keyof typeof AMLYZE_FIELDS;
export type TSsoField = keyof typeof SSO_FIELDS;
export type TIntegrationField<I extends TIntegration> = keyof (typeof INTEGRATIONS)[I] & string;

export type TSettingSource = "environment" | "database" | "unset";

/** Every field of one integration, as the admin form sends it. */
function formSchema(fields: Record<string, TSettingField>) {
  const values: Record<string, z.ZodType> = {};
  for (const [name, f] of Object.entries(fields)) {
    // Absent: untouched (or set by the environment). Plain fields: "" clears the stored value.
    // Secrets: "" keeps the stored value; listing the field in `clear` removes it.
    values[name] = z.union([z.literal(""), f.schema]).optional();
  }
  const secretNames = Object.entries(fields)
    .filter(([, f]) => f.secret)
    .map(([name]) => name) as [string, ...string[]];
  return z.object({ values: z.object(values), clear: z.array(z.enum(secretNames)).max(secretNames.length).default([]) });
}

export const ZIntegrationSettingsInput = z.discriminatedUnion("integration", [
  formSchema(CORE_FIELDS).extend({ integration: z.literal("core") }),
  formSchema(AMLYZE_FIELDS).extend({ integration: z.literal("amlyze") }),
  formSchema(SSO_FIELDS).extend({ integration: z.literal("sso") }),
]);
export type TIntegrationSettingsInput = z.input<typeof ZIntegrationSettingsInput>;

/** What the admin page shows of one field: a value only when it is not a secret. */
export type TSettingFieldView = {
  name: string;
  key: string;
  env: string;
  kind: TFieldKind;
  secret: boolean;
  source: TSettingSource;
  /** Current value as text (never for secrets); the fallback when unset. */
  value: string | null;
  /** Whether a value is in force (for secrets: stored or in the environment). */
  isSet: boolean;
  choices?: readonly string[];
};
