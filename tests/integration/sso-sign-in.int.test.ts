// Sign-in through the identity provider, after next-auth verified the ID token: the user is found
// by (issuer, subject), the role comes from the group mapping at each sign-in, nobody unmapped
// gets in or is created, a mapping change ends SSO sessions, and an SSO account has no password.
// A scratch database: the group → role table is global.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { hashPassword } from "@/lib/auth/password";
import { openSession } from "@/lib/auth/session-store";
import { saveGroupRoles } from "@/lib/auth/sso/group-role-store";
import { localLoginAllowed, ssoReadiness, SSO_VERIFIED_KEY } from "@/lib/auth/sso/readiness";
import { signInWithSso, SSO_PASSWORD_HASH } from "@/lib/auth/sso/sso-sign-in";
import { generateKey, parseKeyring } from "@/lib/crypto/secrets";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { saveIntegrationSettings } from "@/lib/settings/save-integration-settings";
import { scratchDatabase } from "./db";

let db: PrismaClient;
let drop: () => Promise<void>;
const ISSUER = "https://idp.bank.test/realms/staff";
const ADMIN = { id: null, label: "test" };
const keyring = parseKeyring(`1:${generateKey()}`);
const noEnv = {};

beforeAll(async () => {
  const scratch = await scratchDatabase("sso_test", { migrate: true });
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.appUrl, max: 2 }) });
  drop = async () => {
    await db.$disconnect();
    await scratch.drop();
  };
  await saveGroupRoles(db, { mappings: [{ group: "console-officers", role: "officer" }, { group: "console-admins", role: "admin" }], actor: ADMIN });
});
afterAll(async () => drop());

const person = (subject: string, groups: string[], extra: Record<string, unknown> = {}) => ({
  issuer: ISSUER,
  subject,
  claims: { sub: subject, preferred_username: `${subject}-name`, name: `Person ${subject}`, groups, ...extra },
  groupsClaim: "groups",
  ip: "10.1.2.3",
});
const audit = (action: string) => db.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("single sign-on", () => {
  it("creates a user for a mapped person, linked by issuer and subject, with no usable password", async () => {
    const result = await signInWithSso(db, person("s-alice", ["console-officers"]));
    expect(result).toMatchObject({ kind: "ok", role: "officer" });
    const user = await db.user.findUniqueOrThrow({ where: { username: "s-alice-name" } });
    expect(user).toMatchObject({ role: "officer", ssoIssuer: ISSUER, ssoSubject: "s-alice", displayName: "Person s-alice", passwordHash: SSO_PASSWORD_HASH, mustChangePassword: false });
    // A second sign-in finds the same user, even under another username claim.
    const again = await signInWithSso(db, person("s-alice", ["console-officers"], { preferred_username: "renamed" }));
    expect(again).toEqual({ kind: "ok", userId: user.id, role: "officer" });
    expect(await db.user.count({ where: { ssoSubject: "s-alice" } })).toBe(1);
    const logins = (await audit("login.succeeded")).filter((e) => e.actorId === user.id);
    expect(logins.map((e) => e.details)).toEqual([{ method: "sso", role: "officer" }, { method: "sso", role: "officer" }]);
    // No password opens it, whatever is typed.
    const refused = await authorizeCredentials(db, { username: "s-alice-name", password: SSO_PASSWORD_HASH }, "10.1.2.3", { maxFailures: 10, lockMinutes: 15 });
    expect(refused).toEqual({ kind: "refused" });
    expect((await audit("login.failed")).at(-1)?.details).toMatchObject({ reason: "sso_account" });
  });

  it("refuses an unmapped person, creates nothing, and audits the refusal with the groups", async () => {
    const before = await db.user.count();
    expect(await signInWithSso(db, person("s-bob", ["contractors"]))).toEqual({ kind: "refused", reason: "no_access" });
    expect(await db.user.count()).toBe(before);
    expect((await audit("login.sso_refused")).at(-1)).toMatchObject({ actorLabel: "s-bob-name", details: { reason: "no_access", issuer: ISSUER, groups: ["contractors"] } });
  });

  it("takes the role from the groups at each sign-in: a changed role ends the old sessions; no mapped group, no entry", async () => {
    const first = await signInWithSso(db, person("s-carol", ["console-officers"]));
    if (first.kind !== "ok") throw new Error("not signed in");
    await openSession(db, { userId: first.userId, maxAgeSeconds: 600 });
    expect(await signInWithSso(db, person("s-carol", ["console-admins", "console-officers"]))).toMatchObject({ kind: "ok", role: "admin" });
    expect(await db.userSession.count({ where: { userId: first.userId } })).toBe(0);
    expect((await audit("user.role_changed")).at(-1)).toMatchObject({ targetId: first.userId, details: { from: "officer", to: "admin", by: "group_mapping" } });
    expect(await signInWithSso(db, person("s-carol", []))).toEqual({ kind: "refused", reason: "no_access" });
    await db.user.update({ where: { id: first.userId }, data: { disabled: true } });
    expect(await signInWithSso(db, person("s-carol", ["console-admins"]))).toEqual({ kind: "refused", reason: "disabled" });
  });

  it("never links to a local account of the same username", async () => {
    await db.user.create({ data: { username: "local-dave", displayName: "Dave", role: "officer", passwordHash: await hashPassword("local-password-2026") } });
    expect(await signInWithSso(db, person("s-dave", ["console-admins"], { preferred_username: "Local-Dave" }))).toEqual({ kind: "refused", reason: "username_taken" });
    expect((await db.user.findUniqueOrThrow({ where: { username: "local-dave" } })).role).toBe("officer");
    expect(await signInWithSso(db, person("s-erin", ["console-officers"], { preferred_username: undefined, email: undefined }))).toEqual({ kind: "refused", reason: "no_username" });
  });

  it("a mapping change ends every SSO user's sessions (not local users'), once, audited", async () => {
    const sso = await signInWithSso(db, person("s-frank", ["console-officers"]));
    if (sso.kind !== "ok") throw new Error("not signed in");
    const local = await db.user.create({ data: { username: `local-${Date.now()}`, displayName: "Local", role: "officer", passwordHash: "x" } });
    await openSession(db, { userId: sso.userId, maxAgeSeconds: 600 });
    await openSession(db, { userId: local.id, maxAgeSeconds: 600 });
    const mappings = [{ group: "console-officers", role: "compliance" as const }, { group: "console-admins", role: "admin" as const }];
    expect((await saveGroupRoles(db, { mappings, actor: ADMIN })).changed).toBe(true);
    expect(await db.userSession.count({ where: { userId: sso.userId } })).toBe(0);
    expect(await db.userSession.count({ where: { userId: local.id } })).toBe(1);
    expect(await saveGroupRoles(db, { mappings: [...mappings].reverse(), actor: ADMIN })).toEqual({ changed: false, sessionsEnded: 0 });
    expect(await signInWithSso(db, person("s-frank", ["console-officers"]))).toMatchObject({ kind: "ok", role: "compliance" });
    expect((await audit("sso.group_roles_changed")).length).toBe(2);
  });

  it("keeps passwords on until SSO is configured, tested for the settings in force and maps an admin group", async () => {
    await db.integrationSetting.upsert({ where: { key: "auth.local_login" }, create: { key: "auth.local_login", value: false }, update: { value: false } });
    const options = { env: noEnv, keyring };
    expect(await localLoginAllowed(db, options)).toBe(true);
    expect(await ssoReadiness(db, options)).toEqual({ configured: false, tested: false, adminMapped: true });
    await saveIntegrationSettings(db, { integration: "sso", values: { issuer: ISSUER, clientId: "console", clientSecret: "client-secret-value" }, clear: [], actor: ADMIN, env: noEnv, keyring });
    const stored = await db.integrationSetting.findUniqueOrThrow({ where: { key: "sso.client_secret" } });
    expect(stored.secret).toMatch(/^v1:/);
    expect(JSON.stringify(stored)).not.toContain("client-secret-value");
    expect(await localLoginAllowed(db, options)).toBe(false);
    expect((await ssoReadiness(db, options)).tested).toBe(false);
    await db.integrationSetting.create({ data: { key: SSO_VERIFIED_KEY, value: { issuer: ISSUER, clientId: "console" } } });
    expect(await ssoReadiness(db, options)).toEqual({ configured: true, tested: true, adminMapped: true });
    // Another client id was never tested.
    await saveIntegrationSettings(db, { integration: "sso", values: { clientId: "console-2" }, clear: [], actor: ADMIN, env: noEnv, keyring });
    expect((await ssoReadiness(db, options)).tested).toBe(false);
  });

  it("the groups give the branches at every sign-in, audited; a person whose groups give none keeps the admin's", async () => {
    await saveGroupRoles(db, {
      mappings: [
        { group: "console-officers", role: "officer" },
        { group: "console-admins", role: "admin" },
        { group: "branch-01", role: null, branches: ["01"] },
        { group: "north", role: null, branches: ["04", "05"] },
      ],
      actor: ADMIN,
    });
    const first = await signInWithSso(db, person("s-branch", ["console-officers", "branch-01"]));
    expect(first).toMatchObject({ kind: "ok", role: "officer" });
    const user = () => db.user.findUniqueOrThrow({ where: { username: "s-branch-name" }, select: { id: true, branches: true } });
    expect((await user()).branches).toEqual(["01"]);
    await signInWithSso(db, person("s-branch", ["console-officers", "north", "branch-01"]));
    expect((await user()).branches).toEqual(["01", "04", "05"]);
    const changed = (await audit("user.desk_changed")).filter((e) => e.targetId === (first as { userId: string }).userId);
    expect(changed.map((e) => e.details)).toEqual([{ from: { branches: ["01"] }, to: { branches: ["01", "04", "05"] }, by: "group_mapping" }]);
    // no group of theirs gives branches: what an admin set stays
    await db.user.update({ where: { id: (await user()).id }, data: { branches: ["09"] } });
    await signInWithSso(db, person("s-branch", ["console-officers"]));
    expect((await user()).branches).toEqual(["09"]);
    // a branches-only group gives no access
    expect(await signInWithSso(db, person("s-nobody", ["north"]))).toEqual({ kind: "refused", reason: "no_access" });
  });
});
