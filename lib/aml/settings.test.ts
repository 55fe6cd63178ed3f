import { describe, expect, it } from "vitest";
import { AMLYZE_FIELDS, optionalFieldsOf } from "@/lib/settings/integration-fields";
import { amlWebhookEnvSettings, amlWorkerSettings } from "./settings";

describe("amlWorkerSettings", () => {
  it("defaults: 6 attempts, nothing from the admin fields' variables", () => {
    const settings = amlWorkerSettings({});
    expect(settings.attempts).toBe(6);
    expect(settings.breaker).toEqual({ failureThreshold: 5, windowMs: 60_000, cooldownMs: 30_000 });
    expect(settings.adminFieldEnv).toEqual({});
  });

  it("passes on the admin fields' variables that are set (the optional fields' among them)", () => {
    const settings = amlWorkerSettings({
      AMLYZE_BASE_URL: "https://amlyze.example/api",
      AMLYZE_PATH: "/amlyze-ws-rest/simplifiedCustomer",
      AMLYZE_TOKEN: "",
      AMLYZE_SEND_OPTIONAL: "birthDate, document",
      UNRELATED: "x",
    });
    expect(settings.adminFieldEnv).toEqual({
      AMLYZE_BASE_URL: "https://amlyze.example/api",
      AMLYZE_PATH: "/amlyze-ws-rest/simplifiedCustomer",
      AMLYZE_SEND_OPTIONAL: "birthDate, document",
    });
  });

  it("names the bad variable, never its value", () => {
    expect(() => amlWorkerSettings({ AMLYZE_SEND_OPTIONAL: "birthDate,ssn" })).toThrow(/AMLYZE_SEND_OPTIONAL/);
    expect(() => amlWorkerSettings({ AMLYZE_CUSTOMER_STATUS: "MAYBE" })).toThrow(/AMLYZE_CUSTOMER_STATUS/);
    const error = (() => {
      try {
        amlWorkerSettings({ AMLYZE_BASE_URL: "not a url with secret-value-123" });
      } catch (e) {
        return (e as Error).message;
      }
      return "";
    })();
    expect(error).toContain("AMLYZE_BASE_URL");
    expect(error).not.toContain("secret-value-123");
  });
});

describe("amlWebhookEnvSettings", () => {
  it("hmac by default, 256 KiB limit, 5 minutes of clock skew; each configurable", () => {
    expect(amlWebhookEnvSettings({})).toEqual({ auth: "hmac", maxBytes: 262_144, maxClockSkewMs: 300_000 });
    expect(amlWebhookEnvSettings({ AMLYZE_WEBHOOK_AUTH: "bearer", AMLYZE_WEBHOOK_MAX_BYTES: "4096", AMLYZE_WEBHOOK_MAX_CLOCK_SKEW_MS: "60000" })).toEqual({
      auth: "bearer",
      maxBytes: 4096,
      maxClockSkewMs: 60_000,
    });
    expect(() => amlWebhookEnvSettings({ AMLYZE_WEBHOOK_MAX_CLOCK_SKEW_MS: "-1" })).toThrow(/AMLYZE_WEBHOOK_MAX_CLOCK_SKEW_MS/);
    expect(() => amlWebhookEnvSettings({ AMLYZE_WEBHOOK_AUTH: "md5" })).toThrow(/AMLYZE_WEBHOOK_AUTH/);
  });
});

describe("the optional fields setting", () => {
  const schema = AMLYZE_FIELDS.optionalFields.schema;
  it("reads any order, spaces and 'none' into one canonical choice", () => {
    expect(schema.parse("document, birthDate")).toBe("birthDate,document");
    expect(schema.parse("nationality,document,birthDate")).toBe("birthDate,nationality,document");
    expect(schema.parse("")).toBe("none");
    expect(schema.parse("none")).toBe("none");
    expect(optionalFieldsOf("birthDate,document")).toEqual({ birthDate: true, nationality: false, document: true });
    expect(optionalFieldsOf("none")).toEqual({ birthDate: false, nationality: false, document: false });
  });

  it("refuses a field the reference does not allow", () => {
    expect(schema.safeParse("birthDate,ssn").success).toBe(false);
  });
});
