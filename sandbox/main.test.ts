import { afterEach, describe, expect, it } from "vitest";
import { sandboxConfigFromEnv, startSandboxes, type TRunningSandboxes } from "./main";
import { basic, postJson, readFixture } from "./test-helpers";

let running: TRunningSandboxes | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe("sandboxConfigFromEnv", () => {
  it("uses the documented defaults", () => {
    expect(sandboxConfigFromEnv({})).toEqual({
      host: "127.0.0.1",
      corePort: 4010,
      amlyzePort: 4020,
      coreUsername: "console",
      corePassword: "sandbox-core-secret",
      coreFirstCustomerNumber: 100001,
      coreDuplicateDocument: "refuse",
      amlyzeToken: "sandbox-amlyze-token",
      amlyzePath: "/amlyze-ws-rest/simplified-customer",
      webhookUrl: "http://127.0.0.1:3000/api/v1/amlyze/events",
      webhookSecret: "sandbox-webhook-secret",
      deliveryDelayMs: 500,
      outOfOrder: false,
      coreFaults: undefined,
      beforeResponse: false,
      duplicates: false,
      webhookMode: "structured",
    });
  });

  it("takes the core's starting faults as JSON and names a bad one", () => {
    const config = sandboxConfigFromEnv({ SANDBOX_CORE_FAULTS: '{"core_product":{"kind":"timeout","afterProcessing":true}}' });
    expect(config.coreFaults).toEqual({ core_product: { kind: "timeout", afterProcessing: true } });
    expect(() => sandboxConfigFromEnv({ SANDBOX_CORE_FAULTS: '{"core_product":{"kind":"explode"}}' })).toThrow(/SANDBOX_CORE_FAULTS: core_product\.kind/);
    expect(() => sandboxConfigFromEnv({ SANDBOX_CORE_FAULTS: "{nope" })).toThrow(/SANDBOX_CORE_FAULTS: must be JSON/);
  });

  it("starts the core with the configured faults", async () => {
    running = await startSandboxes({ corePort: 0, amlyzePort: 0, webhookUrl: "", coreFaults: undefined });
    expect(running.core.faults()).toEqual({ core_customer: null, core_product: null });
    await running.stop();
    process.env.SANDBOX_CORE_FAULTS = '{"core_customer":{"kind":"status500","times":2}}';
    try {
      running = await startSandboxes({ corePort: 0, amlyzePort: 0, webhookUrl: "" });
      expect(running.core.faults()).toEqual({ core_customer: { kind: "status500", times: 2, remaining: 2 }, core_product: null });
    } finally {
      delete process.env.SANDBOX_CORE_FAULTS;
    }
  });

  it("reads overrides; an empty webhook URL disables delivery", () => {
    const config = sandboxConfigFromEnv({
      SANDBOX_CORE_PORT: "5010",
      SANDBOX_AMLYZE_WEBHOOK_URL: "",
      SANDBOX_AMLYZE_OUT_OF_ORDER: "1",
      SANDBOX_AMLYZE_BEFORE_RESPONSE: "true",
      SANDBOX_AMLYZE_DUPLICATES: "1",
      SANDBOX_CORE_DUPLICATE_DOCUMENT: "flag",
    });
    expect(config).toMatchObject({ corePort: 5010, webhookUrl: undefined, outOfOrder: true, beforeResponse: true, duplicates: true, coreDuplicateDocument: "flag" });
    expect(() => sandboxConfigFromEnv({ SANDBOX_CORE_DUPLICATE_DOCUMENT: "merge" })).toThrow(/SANDBOX_CORE_DUPLICATE_DOCUMENT/);
  });

  it("names the bad variable without echoing secret values", () => {
    expect(() => sandboxConfigFromEnv({ SANDBOX_CORE_PORT: "eighty", SANDBOX_CORE_PASSWORD: "" })).toThrow(/SANDBOX_CORE_PORT.*SANDBOX_CORE_PASSWORD/);
  });
});

describe("startSandboxes", () => {
  it("starts both on the given ports with the given credentials and stops them", async () => {
    running = await startSandboxes({ corePort: 0, amlyzePort: 0, coreUsername: "u", corePassword: "p", amlyzeToken: "t", webhookUrl: "" });
    const core = await postJson(`${running.coreUrl}/core_customer`, readFixture(3), { Authorization: basic("u", "p") });
    expect(core.json).toEqual({ customer_number: 100001 });
    expect(running.amlyzeEndpoint).toBe(`${running.amlyzeUrl}/amlyze-ws-rest/simplified-customer`);
    const aml = await postJson(
      running.amlyzeEndpoint,
      { communicationNumber: "c1", requester: "r", riskManagementCategory: "FAST", entityType: "INDIVIDUAL", customerExtId: "100001", firstName: "DAVID", lastName: "CASTILLO", customerStatus: "ACTIVE" },
      { Authorization: "Bearer t" },
    );
    expect(aml.json).toEqual({ resultType: "REQUEST_ACCEPTED" });
    const coreUrl = running.coreUrl;
    await running.stop();
    running = undefined;
    await expect(fetch(`${coreUrl}/_sandbox/ledger`)).rejects.toThrow(TypeError);
  });

  it("closes the first server when the second port is taken", async () => {
    running = await startSandboxes({ corePort: 0, amlyzePort: 0, webhookUrl: "" });
    const taken = Number(new URL(running.amlyzeUrl).port);
    await expect(startSandboxes({ corePort: 0, amlyzePort: taken, webhookUrl: "" })).rejects.toThrow(/EADDRINUSE/);
  });
});
