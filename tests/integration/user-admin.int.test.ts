// User administration on a database of its own (the shared one always has the demo admin, so
// "the last active admin" could never be tested there).
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { verifyPassword } from "@/lib/auth/password";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { changeUserRole, createUser, resetUserPassword, resetUserTotp, setUserDesk, setUserDisabled, type TAdminContext } from "@/lib/users/manage-users";
import { ZSetDesk } from "@/lib/users/user-schemas";
import { changeOwnPassword } from "@/lib/account/change-password";
import { scratchDatabase } from "./db";

let db: PrismaClient;
let drop: () => Promise<void>;
let ctx: TAdminContext;
let scratchUrl: string;

beforeAll(async () => {
  const scratch = await scratchDatabase("users_test", { migrate: true });
  scratchUrl = scratch.appUrl;
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.appUrl, max: 6 }) });
  drop = async () => {
    await db.$disconnect();
    await scratch.drop();
  };
  const first = await db.user.create({ data: { username: "root-admin", displayName: "Root", role: "admin", passwordHash: "x" } });
  ctx = { actor: { id: first.id, label: "root-admin" }, ip: "10.0.0.9" };
});
afterAll(async () => drop());

const audit = (userId: string) => db.auditEvent.findMany({ where: { targetType: "user", targetId: userId }, orderBy: { id: "asc" } });

describe("user administration", () => {
  it("creates a user who must change the temporary password; a generated one is returned once and only its hash is kept", async () => {
    const result = await createUser(db, { username: "new.officer", displayName: "New Officer", role: "officer", temporaryPassword: "" }, ctx);
    if (result.kind !== "done") throw new Error(result.kind);
    const password = result.temporaryPassword!;
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    const user = await db.user.findUniqueOrThrow({ where: { id: result.userId! } });
    expect(user.mustChangePassword).toBe(true);
    expect(await verifyPassword(user.passwordHash, password)).toBe(true);
    const events = await audit(user.id);
    expect(events.map((e) => e.action)).toEqual(["user.created"]);
    expect(JSON.stringify(events[0]!.details)).not.toContain(password);
    expect(await createUser(db, { username: "new.officer", displayName: "Again", role: "admin", temporaryPassword: "typed-by-admin-123" }, ctx)).toEqual({ kind: "username_taken" });

    // the user replaces it; the current (temporary) one is required
    const actor = { id: user.id, label: user.username };
    expect(await changeOwnPassword(db, { userId: user.id, currentPassword: "guess", newPassword: "my-own-password-1", actor })).toEqual({ kind: "wrong_current" });
    expect(await changeOwnPassword(db, { userId: user.id, currentPassword: password, newPassword: "my-own-password-1", actor })).toEqual({ kind: "changed" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(false);
  });

  it("wrong current passwords count towards the login lock", async () => {
    const created = await createUser(db, { username: "guessed.user", displayName: "G", role: "officer", temporaryPassword: "typed-by-admin-123" }, ctx);
    if (created.kind !== "done") throw new Error(created.kind);
    const actor = { id: created.userId!, label: "guessed.user" };
    const throttle = { key: "guessed.user|10.2.2.2", policy: { maxFailures: 3, lockMinutes: 15 } };
    for (let i = 0; i < 3; i += 1) {
      expect(await changeOwnPassword(db, { userId: actor.id, currentPassword: `guess-${i}`, newPassword: "my-own-password-1", actor, throttle })).toEqual({ kind: "wrong_current" });
    }
    // locked: even the right one is not checked now
    expect(await changeOwnPassword(db, { userId: actor.id, currentPassword: "typed-by-admin-123", newPassword: "my-own-password-1", actor, throttle })).toEqual({ kind: "locked" });
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).mustChangePassword).toBe(true);
  });

  it("never removes the last active admin, by demotion or by disabling, even when two admins try at once", async () => {
    const root = ctx.actor.id!;
    expect(await changeUserRole(db, root, "officer", ctx)).toEqual({ kind: "last_admin" });
    expect(await setUserDisabled(db, root, true, ctx)).toEqual({ kind: "last_admin" });

    const second = await createUser(db, { username: "second.admin", displayName: "Second", role: "admin", temporaryPassword: "typed-by-admin-123" }, ctx);
    const secondId = second.userId!;
    // both admins demote each other at the same moment: one of the two changes must be refused
    const results = await Promise.all([changeUserRole(db, root, "officer", ctx), changeUserRole(db, secondId, "compliance", ctx)]);
    expect(results.map((r) => r.kind).sort()).toEqual(["done", "last_admin"]);
    expect(await db.user.count({ where: { role: "admin", disabled: false } })).toBe(1);

    const remaining = (await db.user.findFirstOrThrow({ where: { role: "admin", disabled: false } })).id;
    const other = remaining === root ? secondId : root;
    expect(await changeUserRole(db, other, "admin", ctx)).toEqual({ kind: "done" });
    expect(await setUserDisabled(db, remaining, true, ctx)).toEqual({ kind: "done" });
    expect(await setUserDisabled(db, other, true, ctx)).toEqual({ kind: "last_admin" });
    expect(await setUserDisabled(db, remaining, false, ctx)).toEqual({ kind: "done" });
    expect((await audit(remaining)).map((e) => e.action)).toEqual(expect.arrayContaining(["user.disabled", "user.enabled"]));
    expect(await changeUserRole(db, "0190e8d2-0000-7000-8000-000000000000", "officer", ctx)).toEqual({ kind: "not_found" });
  });

  it("resets a password (must change again, lock lifted) and the second factor", async () => {
    const created = await createUser(db, { username: "locked.user", displayName: "Locked", role: "compliance", temporaryPassword: "typed-by-admin-123" }, ctx);
    const id = created.userId!;
    await db.user.update({ where: { id }, data: { mustChangePassword: false, totpSecret: "v0:x:y:z", totpEnabledAt: new Date(), totpRecoveryHashes: ["a", "b"] } });
    await db.loginThrottle.create({ data: { key: "locked.user|10.1.1.1", failures: 10, lockedUntil: new Date(Date.now() + 60_000) } });
    const reset = await resetUserPassword(db, id, "", ctx);
    expect(reset.kind).toBe("done");
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user.mustChangePassword).toBe(true);
    expect(await verifyPassword(user.passwordHash, (reset as { temporaryPassword: string }).temporaryPassword)).toBe(true);
    expect(await db.loginThrottle.count({ where: { key: { startsWith: "locked.user|" } } })).toBe(0);
    // Every session signed in before the reset ends (e2e/auth/revocation.spec.ts shows it).
    expect(user.sessionEpoch).toBe(1);

    expect(await resetUserTotp(db, id, ctx)).toEqual({ kind: "done" });
    const cleared = await db.user.findUniqueOrThrow({ where: { id } });
    expect(cleared).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpRecoveryHashes: [], sessionEpoch: 2 });
    const events = (await audit(id)).map((e) => ({ action: e.action, details: e.details, ip: e.ip, actor: e.actorLabel }));
    expect(events.slice(1)).toEqual([
      { action: "user.password_reset", details: { passwordGenerated: true }, ip: "10.0.0.9", actor: "root-admin" },
      { action: "user.totp_reset", details: { wasEnabled: true }, ip: "10.0.0.9", actor: "root-admin" },
    ]);
  });

  it("creates the first admin of a deployment from the command line, with a password shown once", async () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/create-admin.ts", ...args], {
        env: { ...process.env, DATABASE_URL: scratchUrl },
        encoding: "utf8",
      });
    const first = run("first.admin", "First", "Admin");
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const password = first.stdout.trim().split("\n").at(-1)!;
    const admin = await db.user.findUniqueOrThrow({ where: { username: "first.admin" } });
    expect(admin).toMatchObject({ role: "admin", displayName: "First Admin", mustChangePassword: true, disabled: false });
    expect(await verifyPassword(admin.passwordHash, password)).toBe(true);
    const [created] = await audit(admin.id);
    expect(created).toMatchObject({ action: "user.created", actorId: null, actorLabel: expect.stringMatching(/^cli:/) });

    const again = run("first.admin");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("username first.admin is taken");
    const invalid = run("Not A Username");
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain("username:");
  });

  it("sets the branches a user works and the lead flag, audited once; the form's text is read as codes", async () => {
    const officer = await db.user.create({ data: { username: "desk.officer", displayName: "Desk", role: "officer", passwordHash: "x" } });
    const input = ZSetDesk.parse({ userId: officer.id, branches: "01, 02 01", deskLead: true });
    expect(input.branches).toEqual(["01", "02"]);
    expect(await setUserDesk(db, officer.id, input, ctx)).toEqual({ kind: "done" });
    expect(await setUserDesk(db, officer.id, input, ctx)).toEqual({ kind: "done" });
    expect(await db.user.findUniqueOrThrow({ where: { id: officer.id }, select: { branches: true, deskLead: true } })).toEqual({ branches: ["01", "02"], deskLead: true });
    const events = (await audit(officer.id)).filter((e) => e.action === "user.desk_changed");
    expect(events.map((e) => e.details)).toEqual([{ from: { branches: [], deskLead: false }, to: { branches: ["01", "02"], deskLead: true } }]);
    // a code with a space or over 40 characters is refused on the field
    expect(ZSetDesk.safeParse({ userId: officer.id, branches: ["0 1"], deskLead: false }).success).toBe(false);
    expect(ZSetDesk.safeParse({ userId: officer.id, branches: "x".repeat(41), deskLead: false }).error?.issues[0]?.path).toEqual(["branches", 0]);
  });
});
