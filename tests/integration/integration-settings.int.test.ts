import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { generateKey, parseKeyring } from "@/lib/crypto/secrets";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { ZIntegrationSettingsInput } from "@/lib/settings/integration-fields";
import { amlyzeAuth, amlyzeSettings, coreSettings, integrationSettingsView } from "@/lib/settings/integrations";
import { saveIntegrationSettings, SettingLockedError } from "@/lib/settings/save-integration-settings";
import { testConnection } from "@/lib/settings/test-connection";
import { createAmlyzeSandbox } from "@/sandbox/amlyze-server";
import { createCoreSandbox } from "@/sandbox/core-server";
import { scratchDatabase } from "./db";

// A database of its own: these tests own the integration_settings rows they write.
let db: PrismaClient;
let drop: () => Promise<void>;
const keyring = parseKeyring(`1:${generateKey()}`);
const NO_ENV = {};

beforeAll(async () => {
  const scratch = await scratchDatabase("settings_test", { migrate: true });
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.appUrl, max: 4 }) });
  drop = async () => {
    await db.$disconnect();
    await scratch.drop();
  };
});
afterAll(async () => drop());

async function admin() {
  const user = await db.user.create({ data: { username: `admin-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`, displayName: "A", role: "admin", passwordHash: "x" } });
  return { id: user.id, label: user.username };
}

const save = async (input: unknown, env: Record<string, string> = NO_ENV) => {
  const parsed = ZIntegrationSettingsInput.parse(input);
  return saveIntegrationSettings(db, { ...parsed, values: parsed.values as Record<string, string | number | undefined>, actor: await admin(), env, keyring });
};

describe("integration settings", () => {
  it("unset: fallbacks and nulls, source unset", async () => {
    const core = await coreSettings(db, { env: NO_ENV, keyring });
    expect(core).toEqual({
      baseUrl: null,
      username: null,
      password: null,
      timeoutMs: 15_000,
      source: { baseUrl: "unset", username: "unset", password: "unset", timeoutMs: "unset" },
    });
    const aml = await amlyzeSettings(db, { env: NO_ENV, keyring });
    expect(aml).toMatchObject({ path: "/amlyze-ws-rest/simplified-customer", authKind: "bearer", requester: "financial_institution", riskManagementCategory: "FAST", customerStatus: "ACTIVE", timeoutMs: 10_000, token: null });
  });

  it("saves plain values and secrets (encrypted, audited by key only), and the environment wins", async () => {
    const result = await save({ integration: "core", values: { baseUrl: "http://core.example:8080", username: "console", password: "s3cret-core-pass", timeoutMs: "5000" } });
    expect(result.changed.sort()).toEqual(["core.base_url", "core.password", "core.timeout_ms", "core.username"]);
    const row = await db.integrationSetting.findUniqueOrThrow({ where: { key: "core.password" } });
    expect(row.secret).toMatch(/^v1:/);
    expect(row.secret).not.toContain("s3cret");
    expect(row.keyVersion).toBe(1);
    expect(row.value).toBeNull();

    expect(await coreSettings(db, { env: NO_ENV, keyring })).toEqual({
      baseUrl: "http://core.example:8080",
      username: "console",
      password: "s3cret-core-pass",
      timeoutMs: 5000,
      source: { baseUrl: "database", username: "database", password: "database", timeoutMs: "database" },
    });
    const env = { CORE_PASSWORD: "from-env", CORE_BASE_URL: "http://env-core:1" };
    const withEnv = await coreSettings(db, { env, keyring });
    expect(withEnv).toMatchObject({ baseUrl: "http://env-core:1", password: "from-env", username: "console" });
    expect(withEnv.source).toMatchObject({ baseUrl: "environment", password: "environment", username: "database" });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "settings.integration_changed" }, orderBy: { id: "desc" } });
    expect(audit.targetId).toBe("core");
    expect(JSON.stringify(audit.details)).not.toContain("s3cret");
    expect(JSON.stringify(audit.details)).toContain("core.password");
  });

  it("a blank secret keeps the stored one; clear removes it; a blank plain value unsets it; nothing changed writes no audit", async () => {
    const before = await db.auditEvent.count();
    expect(await save({ integration: "core", values: { password: "", username: "console" } })).toEqual({ changed: [], cleared: [] });
    expect(await db.auditEvent.count()).toBe(before);
    expect((await coreSettings(db, { env: NO_ENV, keyring })).password).toBe("s3cret-core-pass");
    expect(await save({ integration: "core", values: { timeoutMs: "" }, clear: ["password"] })).toEqual({ changed: [], cleared: ["core.timeout_ms", "core.password"] });
    const core = await coreSettings(db, { env: NO_ENV, keyring });
    expect(core).toMatchObject({ password: null, timeoutMs: 15_000, source: { password: "unset", timeoutMs: "unset" } });
  });

  it("refuses to store a field its environment variable sets", async () => {
    await expect(save({ integration: "core", values: { username: "x" } }, { CORE_USERNAME: "env-user" })).rejects.toThrow(SettingLockedError);
    await expect(save({ integration: "amlyze", values: {}, clear: ["token"] }, { AMLYZE_TOKEN: "t" })).rejects.toThrow(/AMLYZE_TOKEN is set/);
  });

  it("the form schema refuses bad values per field", () => {
    const bad = ZIntegrationSettingsInput.safeParse({
      integration: "amlyze",
      values: { baseUrl: "ftp://x", path: "no-slash", authKind: "digest", timeoutMs: "5", customerStatus: "ODD" },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["values.baseUrl", "values.path", "values.authKind", "values.timeoutMs", "values.customerStatus"]));
    expect(ZIntegrationSettingsInput.safeParse({ integration: "core", values: { baseUrl: "http://user:pw@core" } }).success).toBe(false);
  });

  it("the admin view never carries a secret, only whether one is set and from where", async () => {
    await save({ integration: "amlyze", values: { baseUrl: "http://aml.example", token: "tok-123456", webhookSecret: "whsec-0123456789abcdef" } });
    const view = await integrationSettingsView(db, { AMLYZE_REQUESTER: "bank_x" });
    expect(JSON.stringify(view)).not.toMatch(/tok-123456|whsec-0123456789abcdef|s3cret/);
    const byName = Object.fromEntries(view.amlyze.map((f) => [f.name, f]));
    expect(byName.token).toMatchObject({ secret: true, isSet: true, source: "database", value: null });
    expect(byName.password).toMatchObject({ isSet: false, source: "unset" });
    expect(byName.requester).toMatchObject({ value: "bank_x", source: "environment", env: "AMLYZE_REQUESTER" });
    expect(byName.path).toMatchObject({ value: "/amlyze-ws-rest/simplified-customer", source: "unset" });
    const aml = await amlyzeSettings(db, { env: NO_ENV, keyring });
    expect(amlyzeAuth(aml)).toEqual({ ok: true, auth: { kind: "bearer", token: "tok-123456" } });
    expect(aml.webhookSecret).toBe("whsec-0123456789abcdef");
    expect(amlyzeAuth({ ...aml, authKind: "basic" })).toEqual({ ok: false, missing: ["username", "password"] });
  });

  it("a secret sealed under a key no longer configured is reported, not used", async () => {
    await expect(amlyzeSettings(db, { env: NO_ENV, keyring: parseKeyring(`2:${generateKey()}`) })).rejects.toThrow(/key version 1 is not in/);
  });
});

describe("test connection", () => {
  it("core: 400 to the empty body is ok, 401 means refused credentials, a closed port is unreachable; nothing is created", async () => {
    const sandbox = createCoreSandbox({ username: "console", password: "right-password" });
    const url = await sandbox.listen(0, "127.0.0.1");
    try {
      await save({ integration: "core", values: { baseUrl: url, username: "console", password: "right-password", timeoutMs: "2000" } });
      const ok = await testConnection(db, "core", { env: NO_ENV, keyring });
      expect(ok).toMatchObject({ verdict: "ok", status: 400, url: `${url}/core_customer` });
      expect(ok.message).toMatch(/client_info/);
      sandbox.setCredentials({ username: "console", password: "rotated" });
      expect(await testConnection(db, "core", { env: NO_ENV, keyring })).toMatchObject({ verdict: "unauthorized", status: 401 });
      expect(sandbox.ledger.listCustomers()).toHaveLength(0);
    } finally {
      await sandbox.close();
    }
    expect(await testConnection(db, "core", { env: NO_ENV, keyring })).toMatchObject({ verdict: "unreachable", status: null });
    await save({ integration: "core", values: {}, clear: ["password"] });
    expect(await testConnection(db, "core", { env: NO_ENV, keyring })).toMatchObject({ verdict: "not_configured", message: "missing: password" });
  });

  it("AMLYZE: posts {} to the configured path with the configured auth", async () => {
    const sandbox = createAmlyzeSandbox({ token: "aml-token-1", path: "/amlyze-ws-rest/simplified-customer", webhookUrl: undefined, webhookSecret: "x".repeat(16) });
    const url = await sandbox.listen(0, "127.0.0.1");
    try {
      await save({ integration: "amlyze", values: { baseUrl: url, token: "aml-token-1", authKind: "bearer", timeoutMs: "2000" } });
      expect(await testConnection(db, "amlyze", { env: NO_ENV, keyring })).toMatchObject({ verdict: "ok", status: 400 });
      await save({ integration: "amlyze", values: { token: "wrong-token" } });
      expect(await testConnection(db, "amlyze", { env: NO_ENV, keyring })).toMatchObject({ verdict: "unauthorized", status: 401 });
      await save({ integration: "amlyze", values: { path: "/nowhere" } });
      expect(await testConnection(db, "amlyze", { env: NO_ENV, keyring })).toMatchObject({ verdict: "unexpected", status: 404 });
    } finally {
      await sandbox.close();
    }
  });
});
