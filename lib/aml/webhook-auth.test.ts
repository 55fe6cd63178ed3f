import { describe, expect, it } from "vitest";
import { signedMessage } from "@/sandbox/amlyze/webhook";
import { buildEvents } from "@/sandbox/amlyze/events";
import { verifyWebhook } from "./webhook-auth";
import { signWebhook, signWebhookBody, webhookSigningString } from "./webhook-signing";

const hmac = { secret: "s3cret", auth: "hmac" } as const;
const headers = (entries: Record<string, string>) => new Headers(entries);
const [event] = buildEvents({
  communicationNumber: "EC-1",
  requester: "financial_institution",
  riskManagementCategory: "FAST",
  entityType: "INDIVIDUAL",
  customerExtId: "100042",
  firstName: "JOSÉ",
  lastName: "MARTINEZ",
  customerStatus: "ACTIVE",
});

describe("the signing string", () => {
  it("is the version line, the signed headers in a fixed order (empty when absent), a blank line, then the body", () => {
    const text = webhookSigningString(headers({ "Content-Type": "application/json", "ce-id": "e%C3%A9", "ce-traceparent": "x" }), '{"a":1}').toString("utf8");
    expect(text).toBe("amlyze-webhook-v1\ncontent-type:application/json\nce-specversion:\nce-id:e%C3%A9\nce-source:\nce-type:\nce-subject:\nce-time:\n\n{\"a\":1}");
  });
});

describe("verifyWebhook", () => {
  it("accepts exactly what the sandbox AMLYZE sends, in both modes", () => {
    for (const mode of ["structured", "binary"] as const) {
      const message = signedMessage(event!, mode, "s3cret");
      expect(verifyWebhook(hmac, headers(message.headers), Buffer.from(message.body))).toEqual({ ok: true });
      expect(verifyWebhook(hmac, headers({ ...message.headers, "X-Amlyze-Signature": signWebhook("other", headers(message.headers), message.body) }), Buffer.from(message.body))).toEqual({ ok: false, reason: "mismatch" });
    }
  });

  it("binary mode: any attribute header changed after signing is a mismatch", () => {
    const message = signedMessage(event!, "binary", "s3cret");
    for (const name of ["Content-Type", "ce-specversion", "ce-id", "ce-source", "ce-type", "ce-subject", "ce-time"]) {
      const changed = headers({ ...message.headers, [name]: `${message.headers[name] ?? ""}x` });
      expect(verifyWebhook(hmac, changed, Buffer.from(message.body))).toEqual({ ok: false, reason: "mismatch" });
    }
  });

  it("a body-only signature: accepted in structured mode (the attributes are in the body), refused in binary mode", () => {
    const structured = JSON.stringify(event);
    const structuredHeaders = { "Content-Type": "application/cloudevents+json", "X-Amlyze-Signature": signWebhookBody("s3cret", structured) };
    expect(verifyWebhook(hmac, headers(structuredHeaders), Buffer.from(structured))).toEqual({ ok: true });
    const binary = signedMessage(event!, "binary", undefined);
    const bodyOnly = headers({ ...binary.headers, "X-Amlyze-Signature": signWebhookBody("s3cret", binary.body) });
    expect(verifyWebhook(hmac, bodyOnly, Buffer.from(binary.body))).toEqual({ ok: false, reason: "unsigned_attributes" });
  });

  it("tells missing, malformed and unconfigured apart (for the log, not the caller)", () => {
    const body = Buffer.from("{}");
    expect(verifyWebhook(hmac, headers({}), body)).toEqual({ ok: false, reason: "missing" });
    expect(verifyWebhook(hmac, headers({ "X-Amlyze-Signature": "sha256=zz" }), body)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyWebhook({ ...hmac, secret: null }, headers({ "X-Amlyze-Signature": signWebhookBody("s3cret", body) }), body)).toEqual({ ok: false, reason: "not_configured" });
  });

  it("bearer mode compares the shared secret", () => {
    const bearer = { ...hmac, auth: "bearer" } as const;
    const body = Buffer.from("{}");
    expect(verifyWebhook(bearer, headers({ Authorization: "Bearer s3cret" }), body)).toEqual({ ok: true });
    expect(verifyWebhook(bearer, headers({ Authorization: "Bearer s3cret2" }), body)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhook(bearer, headers({ Authorization: "Basic s3cret" }), body)).toEqual({ ok: false, reason: "malformed" });
  });
});
