import { describe, expect, it } from "vitest";
import { clearFailures, lockedUntil, recordFailure, throttleKey } from "@/lib/auth/login-throttle";
import { prisma, uniqueCode } from "./db";

const POLICY = { maxFailures: 10, lockMinutes: 15 };

describe("login throttle per username + IP", () => {
  it("locks after 10 consecutive failures, only that username+IP pair", async () => {
    const key = throttleKey(`user${uniqueCode()}`, "10.0.0.1");
    for (let i = 1; i <= 9; i += 1) {
      const result = await recordFailure(prisma, key, POLICY);
      expect(result).toEqual({ failures: i, lockedUntil: null });
    }
    expect(await lockedUntil(prisma, key)).toBeNull();
    const tenth = await recordFailure(prisma, key, POLICY);
    expect(tenth.lockedUntil).not.toBeNull();
    expect(await lockedUntil(prisma, key)).not.toBeNull();
    expect(await lockedUntil(prisma, key.replace("10.0.0.1", "10.0.0.2"))).toBeNull();
  });

  it("a success clears the count; an expired lock starts counting again", async () => {
    const key = throttleKey(`user${uniqueCode()}`, "10.0.0.3");
    for (let i = 0; i < 10; i += 1) await recordFailure(prisma, key, POLICY);
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await lockedUntil(prisma, key, later)).toBeNull();
    expect(await recordFailure(prisma, key, POLICY, later)).toEqual({ failures: 1, lockedUntil: null });
    await clearFailures(prisma, key);
    expect(await prisma.loginThrottle.findUnique({ where: { key } })).toBeNull();
  });

  it("counts concurrent failures without losing any", async () => {
    const key = throttleKey(`user${uniqueCode()}`, "10.0.0.4");
    await Promise.all(Array.from({ length: 8 }, () => recordFailure(prisma, key, POLICY)));
    expect((await prisma.loginThrottle.findUniqueOrThrow({ where: { key } })).failures).toBe(8);
  });
});
