// What the console talks to, resolved in one place: for each field the environment variable
// wins, then the database (secrets decrypted with lib/crypto/secrets.ts), then the fallback.
// Read per use (the push worker reads them per job), so an admin's change takes effect on the
// next call without a restart.
import "server-only";
import { decryptSecret, secretOwner, settingsKeyring, type TKeyring } from "@/lib/crypto/secrets";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TDb } from "@/lib/db/types";
import type { TAuth } from "@/lib/integrations/http/base-client";
import type { TAmlyzeCustomerStatus } from "@/lib/integrations/amlyze/schemas";
import {
  AMLYZE_FIELDS,
  CORE_FIELDS,
  optionalFieldsOf,
  SSO_FIELDS,
  type TAmlyzeOptionalField,
  type TAmlyzeAuthKind,
  type TSettingField,
  type TSettingFieldView,
  type TSettingSource,
} from "./integration-fields";

/** Where values come from; defaults to this process's environment and keyring. */
export type TSettingsOptions = { env?: Record<string, string | undefined>; keyring?: TKeyring };

/** A stored or configured value is not valid; the message names the variable or key, never the value. */
export class IntegrationSettingsError extends Error {
  override readonly name = "IntegrationSettingsError";
}

export type TCoreSettings = {
  baseUrl: string | null;
  username: string | null;
  password: string | null;
  timeoutMs: number;
  source: Record<keyof typeof CORE_FIELDS, TSettingSource>;
};

export type TAmlyzeSettings = {
  baseUrl: string | null;
  path: string;
  authKind: TAmlyzeAuthKind;
  token: string | null;
  username: string | null;
  password: string | null;
  requester: string;
  riskManagementCategory: string;
  customerStatus: TAmlyzeCustomerStatus;
  webhookSecret: string | null;
  timeoutMs: number;
  /** Which optional simplified-customer fields are sent (an admin enables them). */
  optionalFields: Record<TAmlyzeOptionalField, boolean>;
  source: Record<keyof typeof AMLYZE_FIELDS, TSettingSource>;
};

export type TSsoSettings = {
  name: string | null;
  issuer: string | null;
  clientId: string | null;
  clientSecret: string | null;
  scopes: string;
  groupsClaim: string;
  source: Record<keyof typeof SSO_FIELDS, TSettingSource>;
};

type TRow = { key: string; value: Prisma.JsonValue; secret: string | null };
type TResolved = { value: string | number | null; source: TSettingSource };

function fromEnv(f: TSettingField, env: Record<string, string | undefined>): TResolved | null {
  const raw = env[f.env];
  if (raw === undefined || raw.trim() === "") return null;
  const parsed = f.schema.safeParse(raw);
  if (!parsed.success) throw new IntegrationSettingsError(`${f.env} ${parsed.error.issues[0]?.message ?? "is not valid"}`);
  return { value: parsed.data, source: "environment" };
}

function fromRow(f: TSettingField, row: TRow | undefined, decrypt: ((row: TRow) => string) | null): TResolved | null {
  if (!row) return null;
  if (f.secret) {
    if (!row.secret) return null;
    // Without a decrypter (the admin view) only the presence of the secret matters.
    return { value: decrypt ? decrypt(row) : "", source: "database" };
  }
  if (row.value === null) return null;
  const parsed = f.schema.safeParse(row.value);
  if (!parsed.success) throw new IntegrationSettingsError(`setting ${f.key} in the database ${parsed.error.issues[0]?.message ?? "is not valid"}`);
  return { value: parsed.data, source: "database" };
}

async function loadRows(db: TDb, fields: Record<string, TSettingField>): Promise<Map<string, TRow>> {
  const rows = await db.integrationSetting.findMany({
    where: { key: { in: Object.values(fields).map((f) => f.key) } },
    select: { key: true, value: true, secret: true },
  });
  return new Map(rows.map((row) => [row.key, row]));
}

async function resolveAll<F extends Record<string, TSettingField>>(
  db: TDb,
  fields: F,
  options: TSettingsOptions,
): Promise<{ [K in keyof F]: TResolved }> {
  const env = options.env ?? process.env;
  const rows = await loadRows(db, fields);
  const decrypt = (row: TRow) => decryptSecret(row.secret!, secretOwner.integrationSetting(row.key), options.keyring ?? settingsKeyring());
  const out = {} as { [K in keyof F]: TResolved };
  for (const [name, f] of Object.entries(fields) as Array<[keyof F & string, TSettingField]>) {
    out[name] = fromEnv(f, env) ?? fromRow(f, rows.get(f.key), decrypt) ?? { value: f.fallback, source: "unset" };
  }
  return out;
}

const text = (r: TResolved) => (r.value === null ? null : String(r.value));

/** The core's connection settings (CORE_* win over the database). */
export async function coreSettings(db: TDb, options: TSettingsOptions = {}): Promise<TCoreSettings> {
  const r = await resolveAll(db, CORE_FIELDS, options);
  return {
    baseUrl: text(r.baseUrl),
    username: text(r.username),
    password: text(r.password),
    timeoutMs: Number(r.timeoutMs.value),
    source: { baseUrl: r.baseUrl.source, username: r.username.source, password: r.password.source, timeoutMs: r.timeoutMs.source },
  };
}

/** AMLYZE's settings (AMLYZE_* win over the database). */
export async function amlyzeSettings(db: TDb, options: TSettingsOptions = {}): Promise<TAmlyzeSettings> {
  const r = await resolveAll(db, AMLYZE_FIELDS, options);
  const source = Object.fromEntries(Object.entries(r).map(([name, value]) => [name, value.source])) as TAmlyzeSettings["source"];
  return {
    baseUrl: text(r.baseUrl),
    path: String(r.path.value),
    authKind: r.authKind.value as TAmlyzeAuthKind,
    token: text(r.token),
    username: text(r.username),
    password: text(r.password),
    requester: String(r.requester.value),
    riskManagementCategory: String(r.riskManagementCategory.value),
    customerStatus: r.customerStatus.value as TAmlyzeCustomerStatus,
    webhookSecret: text(r.webhookSecret),
    timeoutMs: Number(r.timeoutMs.value),
    optionalFields: optionalFieldsOf(String(r.optionalFields.value)),
    source,
  };
}

/** OpenID Connect sign-in's settings (SSO_* win over the database); read per sign-in request. */
export async function ssoSettings(db: TDb, options: TSettingsOptions = {}): Promise<TSsoSettings> {
  const r = await resolveAll(db, SSO_FIELDS, options);
  const source = Object.fromEntries(Object.entries(r).map(([name, value]) => [name, value.source])) as TSsoSettings["source"];
  return {
    name: text(r.name),
    issuer: text(r.issuer),
    clientId: text(r.clientId),
    clientSecret: text(r.clientSecret),
    scopes: String(r.scopes.value),
    groupsClaim: String(r.groupsClaim.value),
    source,
  };
}

/**
 * Only AMLYZE's webhook secret (AMLYZE_WEBHOOK_SECRET wins): one row read, for the webhook, which
 * needs nothing else of the integration.
 */
export async function amlyzeWebhookSecret(db: TDb, options: TSettingsOptions = {}): Promise<{ secret: string | null; source: TSettingSource }> {
  const r = await resolveAll(db, { webhookSecret: AMLYZE_FIELDS.webhookSecret }, options);
  return { secret: text(r.webhookSecret), source: r.webhookSecret.source };
}

/** The core's Basic credentials and URL when complete, or the names of what is missing. */
export function coreConnection(settings: TCoreSettings):
  | { ok: true; baseUrl: string; username: string; password: string; timeoutMs: number }
  | { ok: false; missing: string[] } {
  const { baseUrl, username, password, timeoutMs } = settings;
  if (baseUrl && username && password) return { ok: true, baseUrl, username, password, timeoutMs };
  const missing = [!baseUrl && "baseUrl", !username && "username", !password && "password"].filter((name): name is string => Boolean(name));
  return { ok: false, missing };
}

/** The auth AMLYZE is called with, or the names of the settings its kind still needs. */
export function amlyzeAuth(settings: TAmlyzeSettings): { ok: true; auth: TAuth } | { ok: false; missing: string[] } {
  if (settings.authKind === "none") return { ok: true, auth: { kind: "none" } };
  if (settings.authKind === "bearer") return settings.token ? { ok: true, auth: { kind: "bearer", token: settings.token } } : { ok: false, missing: ["token"] };
  if (settings.username && settings.password) return { ok: true, auth: { kind: "basic", username: settings.username, password: settings.password } };
  return { ok: false, missing: [!settings.username && "username", !settings.password && "password"].filter((name): name is string => Boolean(name)) };
}

/**
 * What the admin page may show: each field's source and, for plain fields, its value. Secrets
 * are never decrypted here, only reported as set or not.
 */
export async function integrationSettingsView(
  db: TDb,
  env: Record<string, string | undefined> = process.env,
): Promise<{ core: TSettingFieldView[]; amlyze: TSettingFieldView[]; sso: TSettingFieldView[] }> {
  const view = async (fields: Record<string, TSettingField>) => {
    const rows = await loadRows(db, fields);
    return Object.entries(fields).map(([name, f]): TSettingFieldView => {
      let resolved: TResolved | null;
      try {
        resolved = fromEnv(f, env) ?? fromRow(f, rows.get(f.key), null);
      } catch {
        // A bad value is shown as unset here; the worker and "test connection" name the problem.
        resolved = null;
      }
      const source = resolved?.source ?? "unset";
      const value = f.secret ? null : resolved ? String(resolved.value) : f.fallback === null ? null : String(f.fallback);
      return { name, key: f.key, env: f.env, kind: f.kind, secret: f.secret, source, value, isSet: resolved !== null, choices: f.choices };
    });
  };
  const [core, amlyze, sso] = await Promise.all([view(CORE_FIELDS), view(AMLYZE_FIELDS), view(SSO_FIELDS)]);
  return { core, amlyze, sso };
}
