import { describe, expect, it } from "vitest";
import { signBody } from "@/sandbox/amlyze/webhook";
import { signWebhookBody, verifyWebhook } from "./webhook-auth";

const hmac = { secret: "s3cret", auth: "hmac", maxBytes: 1024 } as const;
const headers = (entries: Record<string, string>) => new Headers(entries);

describe("verifyWebhook", () => {
  it("accepts exactly the sandbox's signature of the exact bytes", () => {
    const body = Buffer.from('{"id":"é"}', "utf8");
    expect(signWebhookBody("s3cret", body)).toBe(signBody("s3cret", '{"id":"é"}'));
    expect(verifyWebhook(hmac, headers({ "X-Amlyze-Signature": signBody("s3cret", '{"id":"é"}') }), body)).toEqual({ ok: true });
    expect(verifyWebhook(hmac, headers({ "X-Amlyze-Signature": signBody("s3cret", '{"id":"e"}') }), body)).toEqual({ ok: false, reason: "mismatch" });
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
