// A session counts while its row exists: signing out ends one, a new password, a new second
// factor or a new role ends all of the user's.
import { describe, expect, it } from "vitest";
import { changeOwnPassword } from "@/lib/account/change-password";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/account/totp-enrolment";
import { hashPassword } from "@/lib/auth/password";
import { endSession, openSession } from "@/lib/auth/session-store";
import { totpCode } from "@/lib/auth/totp";
import { changeUserRole } from "@/lib/users/manage-users";
import { prisma, uniqueCode } from "./db";

const PASSWORD = "sessions-password-2026";

async function userWithTwoSessions() {
  const username = `sessions-${uniqueCode(8).toLowerCase()}`;
  const user = await prisma.user.create({ data: { username, displayName: "Sessions Test", role: "officer", passwordHash: await hashPassword(PASSWORD) } });
  const sessions = [await openSession(prisma, { userId: user.id, maxAgeSeconds: 3600 }), await openSession(prisma, { userId: user.id, maxAgeSeconds: 3600 })];
  return { id: user.id, username, actor: { id: user.id, label: username }, sessions };
}

const openSessions = (userId: string) => prisma.userSession.count({ where: { userId } });

describe("sessions end on the server", () => {
  it("signing out ends that session only; expired rows go at the next sign-in", async () => {
    const user = await userWithTwoSessions();
    await endSession(prisma, user.sessions[0]!);
    expect(await prisma.userSession.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([{ id: user.sessions[1] }]);
    await openSession(prisma, { userId: user.id, maxAgeSeconds: 3600, now: new Date(Date.now() + 2 * 3600_000) });
    expect(await openSessions(user.id)).toBe(1);
  });

  it("a password change ends every session of the user", async () => {
    const user = await userWithTwoSessions();
    const wrong = await changeOwnPassword(prisma, { userId: user.id, currentPassword: "not-it", newPassword: "another-passphrase-2026", actor: user.actor });
    expect(wrong.kind).toBe("wrong_current");
    expect(await openSessions(user.id)).toBe(2);
    const changed = await changeOwnPassword(prisma, { userId: user.id, currentPassword: PASSWORD, newPassword: "another-passphrase-2026", actor: user.actor });
    expect(changed.kind).toBe("changed");
    expect(await openSessions(user.id)).toBe(0);
  });

  it("enabling TOTP ends every session of the user", async () => {
    const user = await userWithTwoSessions();
    const setup = await startTotpEnrolment(prisma, user);
    if (setup.kind !== "started") throw new Error("enrolment did not start");
    expect((await confirmTotpEnrolment(prisma, { userId: user.id, code: totpCode(setup.secret), actor: user.actor })).kind).toBe("enabled");
    expect(await openSessions(user.id)).toBe(0);
  });

  it("a role change ends every session of the user; the same role changes nothing", async () => {
    const user = await userWithTwoSessions();
    const ctx = { actor: { id: null, label: "test-admin" } };
    expect((await changeUserRole(prisma, user.id, "officer", ctx)).kind).toBe("done");
    expect(await openSessions(user.id)).toBe(2);
    expect((await changeUserRole(prisma, user.id, "compliance", ctx)).kind).toBe("done");
    expect(await openSessions(user.id)).toBe(0);
  });
});
