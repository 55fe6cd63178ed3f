import { describe, expect, it } from "vitest";
import { createNonce, pagePolicy } from "./csp";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("content security policy", () => {
  it("lets only this response's nonce run inline scripts, never 'unsafe-inline' or eval in production", () => {
    const nonce = createNonce();
    const scripts = directives(pagePolicy(nonce)).get("script-src")!;
    expect(scripts).toContain(`'nonce-${nonce}'`);
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(directives(pagePolicy(nonce, true)).get("script-src")).toContain("'unsafe-eval'");
  });

  it("forbids framing, plugins and base rewriting", () => {
    const d = directives(pagePolicy(createNonce()));
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
  });

  it("makes a new, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
