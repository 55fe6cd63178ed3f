// The group → role table an admin keeps in Admin → Settings → Single sign-on. A change ends the
// sessions of every SSO user: their role is decided at sign-in from this table, so a session
// opened under the old table must not outlive it.
import "server-only";
import { recordAudit, type TAuditActor } from "@/lib/audit/record-audit";
import type { TRole } from "@/lib/auth/roles";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TDb } from "@/lib/db/types";
import type { TGroupRole } from "./group-roles";

export async function readGroupRoles(db: TDb): Promise<TGroupRole[]> {
  const rows = await db.ssoGroupRole.findMany({ orderBy: { groupName: "asc" }, select: { groupName: true, role: true, branches: true } });
  return rows.map((row) => ({ group: row.groupName, role: row.role as TRole | null, branches: row.branches }));
}

const keyOf = (rows: readonly TGroupRole[]) => JSON.stringify([...rows].sort((a, b) => a.group.localeCompare(b.group)).map((m) => [m.group, m.role, m.branches ?? []]));

/** Replaces the table; returns whether it changed and how many SSO sessions that ended. */
export async function saveGroupRoles(
  db: PrismaClient,
  options: { mappings: readonly TGroupRole[]; actor: TAuditActor; ip?: string | null },
): Promise<{ changed: boolean; sessionsEnded: number }> {
  return db.$transaction(async (tx) => {
    // One writer at a time, so two admins' saves cannot interleave into a table neither sent.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('sso:group-roles', 0))`;
    const before = await readGroupRoles(tx);
    if (keyOf(before) === keyOf(options.mappings)) return { changed: false, sessionsEnded: 0 };
    await tx.ssoGroupRole.deleteMany({});
    if (options.mappings.length > 0) {
      await tx.ssoGroupRole.createMany({ data: options.mappings.map((m) => ({ groupName: m.group, role: m.role, branches: [...(m.branches ?? [])], updatedById: options.actor.id })) });
    }
    const ended = await tx.userSession.deleteMany({ where: { user: { ssoSubject: { not: null } } } });
    await recordAudit(tx, {
      actor: options.actor,
      action: "sso.group_roles_changed",
      targetType: "setting",
      targetId: "sso.group_roles",
      details: { from: before.map((m) => [m.group, m.role, [...(m.branches ?? [])]]), to: options.mappings.map((m) => [m.group, m.role, [...(m.branches ?? [])]]), sessionsEnded: ended.count },
      ip: options.ip,
    });
    return { changed: true, sessionsEnded: ended.count };
  });
}
