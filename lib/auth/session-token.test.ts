import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";

const decodeSpy = vi.hoisted(() => ({ calls: 0 }));
vi.mock("next-auth/jwt", async (importOriginal) => {
  const original = await importOriginal<typeof import("next-auth/jwt")>();
  return {
    ...original,
    decode: async (params: Parameters<typeof original.decode>[0]) => {
      decodeSpy.calls += 1;
      return original.decode(params);
    },
  };
});

const { decodeSessionToken, forgetSessionTokens } = await import("./session-token");

const SECRET = "a-test-secret-that-is-long-enough-0123456789";

afterEach(() => {
  forgetSessionTokens();
  decodeSpy.calls = 0;
});

describe("decodeSessionToken", () => {
  it("decodes a token once and answers later reads from memory, frozen", async () => {
    const token = await encode({ token: { sub: "u1", epoch: 2 }, secret: SECRET, maxAge: 3600 });
    const first = await decodeSessionToken({ token, secret: SECRET });
    const second = await decodeSessionToken({ token, secret: SECRET });
    expect(first).toMatchObject({ sub: "u1", epoch: 2 });
    expect(second).toBe(first);
    expect(Object.isFrozen(second)).toBe(true);
    expect(decodeSpy.calls).toBe(1);
  });

  it("does not answer from memory for another secret", async () => {
    const token = await encode({ token: { sub: "u1" }, secret: SECRET, maxAge: 3600 });
    await decodeSessionToken({ token, secret: SECRET });
    await expect(decodeSessionToken({ token, secret: `${SECRET}-rotated` })).rejects.toThrow();
    expect(decodeSpy.calls).toBe(2);
  });

  it("drops a remembered token once it has expired (past next-auth's 15 s leeway)", async () => {
    const token = await encode({ token: { sub: "u1" }, secret: SECRET, maxAge: 60 });
    const payload = await decodeSessionToken({ token, secret: SECRET });
    const exp = (payload?.exp as number) * 1000;
    expect(await decodeSessionToken({ token, secret: SECRET }, exp + 10_000)).toMatchObject({ sub: "u1" });
    expect(decodeSpy.calls).toBe(1);
    // From memory it is gone; decoding again now (the real clock) still works, which proves the
    // second read went back to next-auth rather than answering an expired token from memory.
    await decodeSessionToken({ token, secret: SECRET }, exp + 16_000);
    expect(decodeSpy.calls).toBe(2);
  });

  it("never remembers a token that does not decode", async () => {
    await expect(decodeSessionToken({ token: "not-a-jwe", secret: SECRET })).rejects.toThrow();
    await expect(decodeSessionToken({ token: "not-a-jwe", secret: SECRET })).rejects.toThrow();
    expect(decodeSpy.calls).toBe(2);
  });

  it("answers null without a token", async () => {
    expect(await decodeSessionToken({ token: undefined, secret: SECRET })).toBeNull();
    expect(decodeSpy.calls).toBe(0);
  });
});
