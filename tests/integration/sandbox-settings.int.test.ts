import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { amlyzeSettings, coreSettings } from "@/lib/settings/integrations";
import { storeSandboxSettings } from "@/lib/settings/sandbox-settings";
import { saveIntegrationSettings } from "@/lib/settings/save-integration-settings";
import { scratchDatabase } from "./db";

// A database of its own: these tests own the integration_settings rows they write.
let db: PrismaClient;
let drop: () => Promise<void>;
const NO_ENV = {};
const ENDPOINTS = { coreUrl: "http://127.0.0.1:4010", amlyzeUrl: "http://127.0.0.1:4020", amlyzePath: "/amlyze-ws-rest/simplified-customer" };

beforeAll(async () => {
  const scratch = await scratchDatabase("sandbox_settings_test", { migrate: true });
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.appUrl, max: 2 }) });
  drop = async () => {
    await db.$disconnect();
    await scratch.drop();
  };
});
afterAll(async () => drop());

describe("the demo's core and AMLYZE are settings an admin can change", () => {
  it("a first start stores the sandboxes' URLs and a random token and webhook secret, as settings from the database, not the environment", async () => {
    const stored = await storeSandboxSettings(db, ENDPOINTS, NO_ENV);
    expect(stored.sort()).toEqual(["amlyze.auth", "amlyze.base_url", "amlyze.optional_fields", "amlyze.path", "amlyze.token", "amlyze.webhook_secret", "core.base_url"]);
    const core = await coreSettings(db, { env: NO_ENV });
    expect(core.baseUrl).toBe(ENDPOINTS.coreUrl);
    expect(core.source.baseUrl).toBe("database");
    const aml = await amlyzeSettings(db, { env: NO_ENV });
    expect(aml).toMatchObject({ baseUrl: ENDPOINTS.amlyzeUrl, path: ENDPOINTS.amlyzePath, authKind: "bearer", optionalFields: { birthDate: true, nationality: true, document: true } });
    expect(aml.source).toMatchObject({ baseUrl: "database", token: "database", webhookSecret: "database" });
    // Made at random (32 bytes), sealed at rest: nothing from the repository signs a webhook.
    expect(aml.token).toMatch(/^[\w-]{43}$/);
    expect(aml.webhookSecret).toMatch(/^[\w-]{43}$/);
    expect(aml.webhookSecret).not.toBe(aml.token);
    for (const key of ["amlyze.token", "amlyze.webhook_secret"]) {
      const row = await db.integrationSetting.findUniqueOrThrow({ where: { key } });
      expect(row.value).toBeNull();
      expect(row.secret).toMatch(/^v\d+:/);
    }
    // The audit says who stored them, with keys only.
    const event = await db.auditEvent.findFirstOrThrow({ where: { actorLabel: "sandbox", action: "settings.integration_changed" }, orderBy: { id: "desc" } });
    expect(JSON.stringify(event.details)).not.toContain(aml.webhookSecret!);
    expect(JSON.stringify(event.details)).not.toContain(aml.token!);
  });

  it("a later start changes nothing, and leaves what an admin set", async () => {
    const before = await amlyzeSettings(db, { env: NO_ENV });
    await saveIntegrationSettings(db, { integration: "core", values: { baseUrl: "https://core.bank.example" }, clear: [], actor: { id: null, label: "admin" }, env: NO_ENV });
    expect(await storeSandboxSettings(db, ENDPOINTS, NO_ENV)).toEqual([]);
    expect((await coreSettings(db, { env: NO_ENV })).baseUrl).toBe("https://core.bank.example");
    const after = await amlyzeSettings(db, { env: NO_ENV });
    expect([after.token, after.webhookSecret]).toEqual([before.token, before.webhookSecret]);
  });

  it("a field the environment sets is not stored (the environment wins and locks it)", async () => {
    await db.integrationSetting.deleteMany({});
    const stored = await storeSandboxSettings(db, ENDPOINTS, { CORE_BASE_URL: "https://core.bank.example", AMLYZE_WEBHOOK_SECRET: "from-the-environment-0123" });
    expect(stored).not.toContain("core.base_url");
    expect(stored).not.toContain("amlyze.webhook_secret");
    expect(stored).toContain("amlyze.token");
  });
});
