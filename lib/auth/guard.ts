import "server-only";
import { forbidden, redirect } from "next/navigation";
import { NextResponse } from "next/server";
import { getCurrentUser, type TCurrentUser } from "@/lib/auth/current-user";
import { can, type TPermission } from "@/lib/auth/roles";

/** For pages and layouts: the user when allowed; otherwise a redirect to login or a 403 page. */
export async function requirePagePermission(permission: TPermission): Promise<TCurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!can(user.role, permission)) forbidden();
  return user;
}

/** For route handlers used by the console's own pages: the user, or a 401/403 JSON response. */
export async function requireApiPermission(
  permission: TPermission,
): Promise<{ user: TCurrentUser; response?: never } | { user?: never; response: NextResponse }> {
  const user = await getCurrentUser();
  if (!user) return { response: NextResponse.json({ error: "Sign in first" }, { status: 401 }) };
  if (!can(user.role, permission)) {
    return { response: NextResponse.json({ error: "Your role may not do this" }, { status: 403 }) };
  }
  return { user };
}
