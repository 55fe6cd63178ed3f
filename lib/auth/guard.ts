import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { NextResponse } from "next/server";
import { getCurrentUser, type TCurrentUser, type TPendingStep } from "@/lib/auth/current-user";
import { can, managesDesk, type TPermission } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { findEnrollmentInScope, scopeOf, type TScope } from "@/lib/desk/scope";

/** Where a user with a pending step is sent, and may do nothing else until it is done. */
export const PENDING_PATHS: Record<TPendingStep, string> = { password: "/account/password", totp: "/account/totp" };

/** For pages and layouts: the user when allowed; otherwise a redirect to login or a 403 page. */
export async function requirePagePermission(permission: TPermission): Promise<TCurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.pending) redirect(PENDING_PATHS[user.pending]);
  if (!can(user.role, permission)) forbidden();
  return user;
}

/** For the desk dashboard's page: the permission, then a manager of the desk (an admin, or a lead); 403 otherwise. */
export async function requireDeskManagerPage(): Promise<TCurrentUser> {
  const user = await requirePagePermission("desk:dashboard");
  if (!managesDesk(user)) forbidden();
  return user;
}

/** For the account pages every user has (password, second factor): signed in is enough. */
export async function requireSignedIn(): Promise<TCurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For route handlers used by the console's own pages: the user, or a 401/403 JSON response. */
export async function requireApiPermission(
  permission: TPermission,
): Promise<{ user: TCurrentUser; response?: never } | { user?: never; response: NextResponse }> {
  const user = await getCurrentUser();
  if (!user) return { response: NextResponse.json({ error: "Sign in first" }, { status: 401 }) };
  if (user.pending) {
    return { response: NextResponse.json({ error: user.pending === "password" ? "Change your password first" : "Set up two-factor authentication first" }, { status: 403 }) };
  }
  if (!can(user.role, permission)) {
    return { response: NextResponse.json({ error: "Your role may not do this" }, { status: 403 }) };
  }
  return { user };
}

/** What a page or route working on one enrollment gets: the user, their scope, the enrollment's branch. */
export type TEnrollmentAccess = { user: TCurrentUser; scope: TScope; enrollment: { id: string; branchCode: string | null } };

/**
 * For pages of one enrollment: the permission, then the branch scope. An enrollment out of the
 * user's branches is a 404, exactly as one that does not exist.
 */
export async function requireEnrollmentPage(permission: TPermission, id: string): Promise<TEnrollmentAccess> {
  const user = await requirePagePermission(permission);
  const scope = scopeOf(user);
  const enrollment = await findEnrollmentInScope(prisma, scope, id);
  if (!enrollment) notFound();
  return { user, scope, enrollment };
}

const NOT_FOUND = { error: "not found" };

/** For route handlers of one enrollment: as requireApiPermission, then a 404 JSON response when out of scope. */
export async function requireEnrollmentApi(
  permission: TPermission,
  id: string,
): Promise<(TEnrollmentAccess & { response?: never }) | { user?: never; response: NextResponse }> {
  const auth = await requireApiPermission(permission);
  if (auth.response) return auth;
  const scope = scopeOf(auth.user);
  const enrollment = await findEnrollmentInScope(prisma, scope, id);
  if (!enrollment) return { response: NextResponse.json(NOT_FOUND, { status: 404, headers: { "Cache-Control": "no-store" } }) };
  return { user: auth.user, scope, enrollment };
}
