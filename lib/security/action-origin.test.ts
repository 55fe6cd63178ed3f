import { describe, expect, it } from "vitest";
import { actionOriginAllowed, allowedActionOrigins } from "./action-origin";

function headers(values: Record<string, string>) {
  return (name: string) => values[name] ?? null;
}

describe("actionOriginAllowed", () => {
  it("allows an action from the host it was sent to, or with no Origin at all", () => {
    expect(actionOriginAllowed(headers({ origin: "https://console.bank", host: "console.bank" }), [])).toBe(true);
    expect(actionOriginAllowed(headers({ host: "console.bank" }), [])).toBe(true);
  });

  it("compares with the proxy's forwarded host first, as Next.js does", () => {
    const forwarded = { origin: "https://console.bank", host: "10.0.0.5:3000", "x-forwarded-host": "console.bank, other" };
    expect(actionOriginAllowed(headers(forwarded), [])).toBe(true);
    expect(actionOriginAllowed(headers({ ...forwarded, "x-forwarded-host": "evil.example" }), [])).toBe(false);
  });

  it("refuses another origin, an opaque one and a malformed one", () => {
    expect(actionOriginAllowed(headers({ origin: "https://evil.example", host: "console.bank" }), [])).toBe(false);
    expect(actionOriginAllowed(headers({ origin: "null", host: "console.bank" }), [])).toBe(false);
    expect(actionOriginAllowed(headers({ origin: "not a url", host: "console.bank" }), [])).toBe(false);
  });

  it("allows the origins serverActions.allowedOrigins lists, globs included", () => {
    const list = allowedActionOrigins("admin.bank, *.branch.bank");
    expect(list).toEqual(["admin.bank", "*.branch.bank"]);
    expect(actionOriginAllowed(headers({ origin: "https://admin.bank", host: "console.bank" }), list)).toBe(true);
    expect(actionOriginAllowed(headers({ origin: "https://north.branch.bank", host: "console.bank" }), list)).toBe(true);
    expect(actionOriginAllowed(headers({ origin: "https://branch.bank.evil", host: "console.bank" }), list)).toBe(false);
  });
});
