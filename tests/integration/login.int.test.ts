// Sign-in through the function next-auth's credentials provider calls: lockout, TOTP, recovery codes.
import { describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { hashPassword } from "@/lib/auth/password";
import { totpCode } from "@/lib/auth/totp";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/account/totp-enrolment";
import { prisma, uniqueCode } from "./db";

const POLICY = { maxFailures: 10, lockMinutes: 15 };
const PASSWORD = "correct-horse-battery";

async function newUser() {
  const username = `login-${uniqueCode(8).toLowerCase()}`;
  const user = await prisma.user.create({ data: { username, displayName: "Login Test", role: "officer", passwordHash: await hashPassword(PASSWORD) } });
  return { id: user.id, username };
}

const auditOf = (username: string) => prisma.auditEvent.findMany({ where: { actorLabel: username }, orderBy: { id: "asc" } });

describe("sign-in", () => {
  it("locks a username + IP after 10 failures: the right password is refused too, audited as locked", async () => {
    const { username } = await newUser();
    const ip = "10.9.0.1";
    for (let i = 0; i < 10; i += 1) {
      expect(await authorizeCredentials(prisma, { username, password: `wrong-${i}` }, ip, POLICY)).toEqual({ kind: "refused" });
    }
    expect(await authorizeCredentials(prisma, { username, password: PASSWORD }, ip, POLICY)).toEqual({ kind: "refused" });
    // another address is not locked out by someone else's guesses
    expect((await authorizeCredentials(prisma, { username, password: PASSWORD }, "10.9.0.2", POLICY)).kind).toBe("ok");
    const actions = (await auditOf(username)).map((event) => event.action);
    expect(actions.filter((action) => action === "login.failed")).toHaveLength(10);
    expect(actions).toContain("login.locked");
    expect(actions.at(-1)).toBe("login.succeeded");
    const tenth = (await auditOf(username)).filter((event) => event.action === "login.failed").at(-1);
    expect(tenth?.details).toMatchObject({ reason: "bad_password", failures: 10, locked: true });
    // the lock lapses after LOGIN_LOCK_MINUTES
    const later = new Date(Date.now() + 16 * 60_000);
    expect((await authorizeCredentials(prisma, { username, password: PASSWORD }, ip, POLICY, later)).kind).toBe("ok");
  });

  it("with TOTP: asks for the code after the right password; a wrong code counts as a failure; a code works once", async () => {
    const user = await newUser();
    const setup = await startTotpEnrolment(prisma, user);
    if (setup.kind !== "started") throw new Error("enrolment did not start");
    const enrolledAt = Date.now() - 60_000;
    const confirmed = await confirmTotpEnrolment(prisma, { userId: user.id, code: totpCode(setup.secret, enrolledAt), actor: { id: user.id, label: user.username }, now: enrolledAt });
    if (confirmed.kind !== "enabled") throw new Error(`not enabled: ${confirmed.kind}`);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).toMatch(/^v\d+:/);
    expect(stored.totpSecret).not.toContain(setup.secret);
    expect(stored.totpPendingSecret).toBeNull();

    const ip = "10.9.1.1";
    const base = { username: user.username, password: PASSWORD };
    expect(await authorizeCredentials(prisma, base, ip, POLICY)).toEqual({ kind: "code_required" });
    expect(await authorizeCredentials(prisma, { ...base, password: "wrong", code: totpCode(setup.secret) }, ip, POLICY)).toEqual({ kind: "refused" });
    expect(await authorizeCredentials(prisma, { ...base, code: "000000" === totpCode(setup.secret) ? "111111" : "000000" }, ip, POLICY)).toEqual({ kind: "refused" });
    const failed = (await auditOf(user.username)).filter((event) => event.action === "login.failed").map((event) => (event.details as { reason: string }).reason);
    expect(failed).toEqual(["bad_password", "bad_code"]);
    expect((await prisma.loginThrottle.findFirstOrThrow({ where: { key: `${user.username}|${ip}` } })).failures).toBe(2);

    const code = totpCode(setup.secret);
    expect((await authorizeCredentials(prisma, { ...base, code }, ip, POLICY)).kind).toBe("ok");
    // the same code again (a replay) is refused
    expect(await authorizeCredentials(prisma, { ...base, code }, ip, POLICY)).toEqual({ kind: "refused" });

    // a recovery code signs in once
    const recovery = confirmed.recoveryCodes[0]!;
    expect((await authorizeCredentials(prisma, { ...base, code: recovery.toLowerCase() }, ip, POLICY)).kind).toBe("ok");
    expect(await authorizeCredentials(prisma, { ...base, code: recovery }, ip, POLICY)).toEqual({ kind: "refused" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpRecoveryHashes).toHaveLength(9);
    const succeeded = (await auditOf(user.username)).filter((event) => event.action === "login.succeeded").map((event) => event.details);
    expect(succeeded).toEqual([{ factor: "totp" }, { factor: "recovery_code" }]);
  });

  it("enrolment needs a valid code from the shown secret", async () => {
    const user = await newUser();
    const setup = await startTotpEnrolment(prisma, user);
    if (setup.kind !== "started") throw new Error("enrolment did not start");
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const actor = { id: user.id, label: user.username };
    expect((await confirmTotpEnrolment(prisma, { userId: user.id, code: "12345", actor })).kind).toBe("wrong_code");
    expect((await confirmTotpEnrolment(prisma, { userId: user.id, code: totpCode(setup.secret, Date.now() - 10 * 60_000), actor })).kind).toBe("wrong_code");
    expect((await confirmTotpEnrolment(prisma, { userId: user.id, code: totpCode(setup.secret), actor })).kind).toBe("enabled");
    expect((await startTotpEnrolment(prisma, user)).kind).toBe("already_enabled");
  });
  it("throttles a username guessed from 40 addresses: the right password from a 41st is refused until the delay lapses", async () => {
    const { username } = await newUser();
    const now = new Date();
    for (let i = 0; i < 40; i += 1) {
      expect(await authorizeCredentials(prisma, { username, password: `wrong-${i}` }, `10.8.${i}.1`, POLICY, now)).toEqual({ kind: "refused" });
    }
    expect(await authorizeCredentials(prisma, { username, password: PASSWORD }, "10.8.99.1", POLICY, now)).toEqual({ kind: "refused" });
    const actions = (await auditOf(username)).map((event) => event.action);
    // Once delayed, guesses are refused unread: they neither count nor reach the password check.
    expect(actions.filter((action) => action === "login.failed").length).toBeLessThan(40);
    expect(actions).toContain("login.throttled");
    // A delay, not a lock an attacker keeps: it lapses however many guesses were refused.
    const later = new Date(now.getTime() + 10 * 60_000);
    expect((await authorizeCredentials(prisma, { username, password: PASSWORD }, "10.8.99.1", POLICY, later)).kind).toBe("ok");
  });

  it("TOTP codes have their own tight limit: after a few wrong codes even the right one waits", async () => {
    const user = await newUser();
    const setup = await startTotpEnrolment(prisma, user);
    if (setup.kind !== "started") throw new Error("enrolment did not start");
    const enrolledAt = Date.now() - 60_000;
    await confirmTotpEnrolment(prisma, { userId: user.id, code: totpCode(setup.secret, enrolledAt), actor: { id: user.id, label: user.username }, now: enrolledAt });
    const now = new Date();
    const right = totpCode(setup.secret, now.getTime());
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 0; i < 3; i += 1) {
      expect(await authorizeCredentials(prisma, { username: user.username, password: PASSWORD, code: wrong }, `10.7.${i}.1`, POLICY, now)).toEqual({ kind: "refused" });
    }
    expect(await authorizeCredentials(prisma, { username: user.username, password: PASSWORD, code: right }, "10.7.9.1", POLICY, now)).toEqual({ kind: "refused" });
    expect((await auditOf(user.username)).map((event) => event.action)).toContain("login.throttled");
    const later = new Date(now.getTime() + 5 * 60_000);
    expect((await authorizeCredentials(prisma, { username: user.username, password: PASSWORD, code: totpCode(setup.secret, later.getTime()) }, "10.7.9.1", POLICY, later)).kind).toBe("ok");
  });
  it("guesses from elsewhere cannot keep a user out of an address they signed in from", async () => {
    const { username } = await newUser();
    const home = "10.6.0.1";
    expect((await authorizeCredentials(prisma, { username, password: PASSWORD }, home, POLICY)).kind).toBe("ok");
    const now = new Date();
    for (let i = 0; i < 20; i += 1) await authorizeCredentials(prisma, { username, password: `wrong-${i}` }, `10.6.${i + 1}.1`, POLICY, now);
    expect(await authorizeCredentials(prisma, { username, password: PASSWORD }, "10.6.99.1", POLICY, now)).toEqual({ kind: "refused" });
    expect((await authorizeCredentials(prisma, { username, password: PASSWORD }, home, POLICY, now)).kind).toBe("ok");
  });
});
