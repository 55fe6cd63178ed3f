// A sign-in through the identity provider, after next-auth has checked the ID token (signature,
// issuer, audience, nonce, state, PKCE). The console user is found by the stored (issuer, subject)
// link, never by username or email, which an identity provider does not guarantee unique or
// stable; the role (and the branches, when a group gives some) come from the person's groups at every sign-in. Nobody is created, and nobody
// gets in, whose groups map to no role. Every sign-in and refusal is audited.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TRole } from "@/lib/auth/roles";
import { endUserSessions } from "@/lib/auth/session-store";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { readGroupRoles } from "./group-role-store";
import { branchesForGroups, groupsOf, roleForGroups, usernameOf } from "./group-roles";

/** Why a person was turned away; `no_access` is the one the login page names. */
export type TSsoRefusal = "no_access" | "disabled" | "username_taken" | "no_username";

export type TSsoSignIn = { kind: "ok"; userId: string; role: TRole } | { kind: "refused"; reason: TSsoRefusal };

/** Marks an SSO user's password column: not an argon2 hash, so no password ever verifies against it. */
export const SSO_PASSWORD_HASH = "!sso";

export type TSsoIdentity = {
  issuer: string;
  subject: string;
  /** The ID token's claims, as next-auth verified them. */
  claims: Record<string, unknown>;
  groupsClaim: string;
  ip: string | null;
};

export async function signInWithSso(db: PrismaClient, identity: TSsoIdentity, now: Date = new Date()): Promise<TSsoSignIn> {
  const { issuer, subject, claims, ip } = identity;
  const groups = groupsOf(claims, identity.groupsClaim);
  const mappings = await readGroupRoles(db);
  const role = roleForGroups(groups, mappings);
  const branches = branchesForGroups(groups, mappings);
  const label = usernameOf(claims) ?? `sso:${subject}`.slice(0, 64);
  const linked = await db.user.findUnique({
    where: { ssoIssuer_ssoSubject: { ssoIssuer: issuer, ssoSubject: subject } },
    select: { id: true, username: true, role: true, disabled: true, branches: true },
  });
  const refuse = async (reason: TSsoRefusal): Promise<TSsoSignIn> => {
    // The groups are kept so an admin can see which mapping was missing; they name no secret.
    await recordAudit(db, { actor: { id: linked?.id ?? null, label: linked?.username ?? label }, action: "login.sso_refused", details: { reason, issuer, groups: groups.slice(0, 50) }, ip });
    logger.warn({ username: linked?.username ?? label, ip, reason }, "single sign-on refused");
    return { kind: "refused", reason };
  };

  if (!role) return refuse("no_access");
  if (linked) {
    if (linked.disabled) return refuse("disabled");
    await db.$transaction(async (tx) => {
      if (linked.role !== role) {
        await tx.user.update({ where: { id: linked.id }, data: { role } });
        // Sessions opened under the old role end, as when an admin changes a role.
        await endUserSessions(tx, linked.id);
        await recordAudit(tx, { actor: { id: null, label: "sso" }, action: "user.role_changed", targetType: "user", targetId: linked.id, details: { from: linked.role, to: role, by: "group_mapping" }, ip });
      }
      if (branches && JSON.stringify(branches) !== JSON.stringify(linked.branches)) {
        // the scope follows the groups as the role does; read on every request, so no session needs to end
        await tx.user.update({ where: { id: linked.id }, data: { branches } });
        await recordAudit(tx, { actor: { id: null, label: "sso" }, action: "user.desk_changed", targetType: "user", targetId: linked.id, details: { from: { branches: linked.branches }, to: { branches }, by: "group_mapping" }, ip });
      }
      await tx.user.update({ where: { id: linked.id }, data: { lastLoginAt: now } });
      await recordAudit(tx, { actor: { id: linked.id, label: linked.username }, action: "login.succeeded", details: { method: "sso", role }, ip });
    });
    return { kind: "ok", userId: linked.id, role };
  }

  const username = usernameOf(claims);
  if (!username) return refuse("no_username");
  const displayName = (typeof claims.name === "string" && claims.name.trim() !== "" ? claims.name.trim() : username).slice(0, 120);
  try {
    const created = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { username, displayName, role, branches: branches ?? [], passwordHash: SSO_PASSWORD_HASH, ssoIssuer: issuer, ssoSubject: subject, lastLoginAt: now },
        select: { id: true },
      });
      await recordAudit(tx, { actor: { id: null, label: "sso" }, action: "user.created", targetType: "user", targetId: user.id, details: { username, role, branches: branches ?? [], method: "sso", issuer }, ip });
      await recordAudit(tx, { actor: { id: user.id, label: username }, action: "login.succeeded", details: { method: "sso", role }, ip });
      return user;
    });
    return { kind: "ok", userId: created.id, role };
  } catch (error) {
    // A local account (or another provider's) already has this username: linking them by name
    // would let whoever controls the provider's `preferred_username` take that account over.
    if (isUniqueViolation(error)) return refuse("username_taken");
    throw error;
  }
}
