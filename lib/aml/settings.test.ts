import { describe, expect, it } from "vitest";
import { amlSubmissionSettings, amlWebhookSettings } from "./settings";

describe("amlSubmissionSettings", () => {
  it("defaults: seed path, bearer, financial_institution / FAST / ACTIVE, no optional fields, no connection", () => {
    const settings = amlSubmissionSettings({});
    expect(settings.connection).toBeNull();
    expect(settings.message).toEqual({
      requester: "financial_institution",
      riskManagementCategory: "FAST",
      customerStatus: "ACTIVE",
      includeOptional: { birthDate: false, nationality: false, document: false },
    });
    expect(settings.attempts).toBe(6);
  });

  it("reads a real AMLYZE: base URL, path, auth kind and the optional fields", () => {
    const settings = amlSubmissionSettings({
      AMLYZE_BASE_URL: "https://amlyze.example/api",
      AMLYZE_PATH: "/amlyze-ws-rest/simplifiedCustomer",
      AMLYZE_AUTH: "basic",
      AMLYZE_USERNAME: "console",
      AMLYZE_PASSWORD: "s3cret",
      AMLYZE_SEND_OPTIONAL: "birthDate, document",
      AMLYZE_CUSTOMER_STATUS: "PENDING",
    });
    expect(settings.connection).toEqual({
      baseUrl: "https://amlyze.example/api",
      path: "/amlyze-ws-rest/simplifiedCustomer",
      auth: { kind: "basic", username: "console", password: "s3cret" },
      timeoutMs: 10_000,
    });
    expect(settings.message.includeOptional).toEqual({ birthDate: true, nationality: false, document: true });
    expect(settings.message.customerStatus).toBe("PENDING");
  });

  it("names the bad variable, never its value", () => {
    expect(() => amlSubmissionSettings({ AMLYZE_BASE_URL: "https://a.example", AMLYZE_TOKEN: "" })).toThrow(/AMLYZE_TOKEN: required/);
    expect(() => amlSubmissionSettings({ AMLYZE_SEND_OPTIONAL: "birthDate,ssn" })).toThrow(/AMLYZE_SEND_OPTIONAL/);
    const error = (() => {
      try {
        amlSubmissionSettings({ AMLYZE_BASE_URL: "not a url with secret-value-123" });
      } catch (e) {
        return (e as Error).message;
      }
      return "";
    })();
    expect(error).toContain("AMLYZE_BASE_URL");
    expect(error).not.toContain("secret-value-123");
  });
});

describe("amlWebhookSettings", () => {
  it("no secret means nothing can be authenticated; hmac by default; 256 KiB limit", () => {
    expect(amlWebhookSettings({})).toEqual({ secret: null, auth: "hmac", maxBytes: 262_144 });
    expect(amlWebhookSettings({ AMLYZE_WEBHOOK_SECRET: "  " }).secret).toBeNull();
    expect(amlWebhookSettings({ AMLYZE_WEBHOOK_SECRET: "s", AMLYZE_WEBHOOK_AUTH: "bearer" })).toMatchObject({ secret: "s", auth: "bearer" });
  });
});
