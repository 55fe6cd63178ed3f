import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { openSearch, sealSearch, SEARCH_TOKEN_TTL_MS } = await import("./search-token");

describe("search tokens", () => {
  const user = "0190e8d2-0000-7000-8000-000000000001";
  const secret = "a-test-secret-that-is-long-enough-0123456789";

  it("carries the search opaquely and opens for its user only, until it expires", () => {
    const token = sealSearch("111110001", user, { secret, now: 1_000 });
    expect(token).not.toContain("111110001");
    expect(Buffer.from(token, "base64url").toString("latin1")).not.toContain("111110001");
    expect(openSearch(token, user, { secret, now: 2_000 })).toBe("111110001");
    expect(openSearch(token, user, { secret: `${secret}-other`, now: 2_000 })).toBeNull();
    expect(openSearch(token, "0190e8d2-0000-7000-8000-000000000002", { secret, now: 2_000 })).toBeNull();
    expect(openSearch(token, user, { secret, now: 1_000 + SEARCH_TOKEN_TTL_MS + 1 })).toBeNull();
  });

  it("refuses a tampered or malformed token", () => {
    const token = sealSearch("Ana", user, { secret });
    const raw = Buffer.from(token, "base64url");
    raw[raw.length - 1] = raw.at(-1)! ^ 1;
    expect(openSearch(raw.toString("base64url"), user, { secret })).toBeNull();
    expect(openSearch("not-a-token", user, { secret })).toBeNull();
    expect(openSearch(undefined, user, { secret })).toBeNull();
  });
});
