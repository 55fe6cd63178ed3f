import "server-only";
import { forbidden, redirect } from "next/navigation";
import { NextResponse } from "next/server";
import { getCurrentUser, type TCurrentUser, type TPendingStep } from "@/lib/auth/current-user";
import { can, type TPermission } from "@/lib/auth/roles";

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
