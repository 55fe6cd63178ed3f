import "server-only";
import { clientIp } from "@/lib/actions/client-ip";
import { ActionError, ENROLLMENT_NOT_FOUND } from "@/lib/actions/safe-action";
import type { TCurrentUser } from "@/lib/auth/current-user";
import type { TScope } from "@/lib/desk/scope";
import { EnrollmentOutOfScopeError, type TDeskActor } from "@/lib/desk/ownership";

/** The acting officer as the ownership functions take them. */
export async function deskActor(ctx: { user: TCurrentUser; scope: TScope }): Promise<TDeskActor> {
  return { actor: { id: ctx.user.id, label: ctx.user.username }, role: ctx.user.role, scope: ctx.scope, deskLead: ctx.user.deskLead, ip: await clientIp() };
}

/** An enrollment out of scope (moved to another branch since the check) reads as one that does not exist. */
export function notFoundWhenOutOfScope(error: unknown): never {
  if (error instanceof EnrollmentOutOfScopeError) throw new ActionError(ENROLLMENT_NOT_FOUND);
  throw error;
}
