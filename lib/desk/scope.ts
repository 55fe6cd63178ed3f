// Branch scope: the one place that says which enrollments a user may see and work. Officers see
// those of their branches (users.branches against enrollments.branch_code); roles with
// `enrollment:all-branches` see every one. Every list, page, route and action reaches enrollments
// through what this module gives: a WHERE fragment, a Prisma filter, or a lookup that answers
// "not found" alike for an enrollment that does not exist and one out of scope (a 404, never a 403,
// so nobody learns that an id exists in another branch).
import "server-only";
import { z } from "zod";
import { can, PERMISSIONS, type TRole } from "@/lib/auth/roles";
import type { TDb } from "@/lib/db/types";
import { Prisma } from "@/lib/generated/prisma/client";

export type TScope = { kind: "all" } | { kind: "branches"; branches: readonly string[] };

/** What a user's scope is decided by: the role and the branches an admin (or SSO) gave them. */
export type TScopedUser = { role: TRole; branches: readonly string[] };

export function scopeOf(user: TScopedUser): TScope {
  return can(user.role, "enrollment:all-branches") ? { kind: "all" } : { kind: "branches", branches: user.branches };
}

/** Whether an enrollment of `branchCode` is in the scope (one without a branch is nobody's branch). */
export function inScope(scope: TScope, branchCode: string | null): boolean {
  return scope.kind === "all" || (branchCode !== null && scope.branches.includes(branchCode));
}

/** The scope as a Prisma filter on enrollments. */
export function enrollmentScopeWhere(scope: TScope): Prisma.EnrollmentWhereInput {
  return scope.kind === "all" ? {} : { branchCode: { in: [...scope.branches] } };
}

/** The scope as a SQL condition on an enrollments row (`column`: its branch_code, qualified when joined). */
export function enrollmentScopeSql(scope: TScope, column: Prisma.Sql = Prisma.raw("branch_code")): Prisma.Sql {
  return scope.kind === "all" ? Prisma.sql`TRUE` : Prisma.sql`${column} = ANY(${[...scope.branches]}::text[])`;
}

/** The enrollment when it exists and is in scope; null otherwise (also for an id that is not a UUID). */
export async function findEnrollmentInScope(db: TDb, scope: TScope, id: string): Promise<{ id: string; branchCode: string | null } | null> {
  if (!z.uuid().safeParse(id).success) return null;
  return db.enrollment.findFirst({ where: { id, ...enrollmentScopeWhere(scope) }, select: { id: true, branchCode: true } });
}

/** Whether every id is an enrollment in scope (a bulk change is refused whole otherwise). */
export async function allEnrollmentsInScope(db: TDb, scope: TScope, ids: readonly string[]): Promise<boolean> {
  const unique = [...new Set(ids)];
  if (unique.some((id) => !z.uuid().safeParse(id).success)) return false;
  const found = await db.enrollment.count({ where: { id: { in: unique }, ...enrollmentScopeWhere(scope) } });
  return found === unique.length;
}

/** Active users with `permission` whose scope includes an enrollment of `branchCode` (mentions, assignees). */
export function usersReachingWhere(permission: keyof typeof PERMISSIONS, branchCode: string | null): Prisma.UserWhereInput {
  const roles = [...PERMISSIONS[permission]] as TRole[];
  const everywhere = roles.filter((role) => can(role, "enrollment:all-branches"));
  const byBranch = roles.filter((role) => !can(role, "enrollment:all-branches"));
  return {
    disabled: false,
    OR: [{ role: { in: everywhere } }, ...(branchCode === null ? [] : [{ role: { in: byBranch }, branches: { has: branchCode } }])],
  };
}
