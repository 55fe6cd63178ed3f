import "server-only";
import crypto from "node:crypto";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { PERMISSIONS, can, type TPermission } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { allEnrollmentsInScope, scopeOf, type TScope } from "@/lib/desk/scope";
import { logger } from "@/lib/logger";

/** An error whose message is written for the user; anything else is logged and hidden. */
export class ActionError extends Error {}

/** What an action answers for an enrollment that does not exist or is out of the caller's branches alike. */
export const ENROLLMENT_NOT_FOUND = "This enrollment does not exist.";

/**
 * The enrollments an action's input names: every action names them `enrollmentId` or
 * `enrollmentIds`, so the client checks the branch scope of each before the action runs.
 * Null when the input names none.
 */
function namedEnrollments(clientInput: unknown): unknown[] | null {
  if (!clientInput || typeof clientInput !== "object") return null;
  const input = clientInput as Record<string, unknown>;
  if (!("enrollmentId" in input) && !("enrollmentIds" in input)) return null;
  const ids: unknown[] = [];
  if ("enrollmentId" in input) ids.push(input.enrollmentId);
  if ("enrollmentIds" in input) ids.push(...(Array.isArray(input.enrollmentIds) ? input.enrollmentIds : [input.enrollmentIds]));
  return ids;
}

/** More than any action takes (the schemas allow 100): refused before any query. */
const MAX_NAMED_ENROLLMENTS = 1_000;

async function requireInScope(scope: TScope, clientInput: unknown): Promise<void> {
  const ids = namedEnrollments(clientInput);
  if (ids === null) return;
  const strings = ids.filter((id): id is string => typeof id === "string");
  if (strings.length !== ids.length || strings.length > MAX_NAMED_ENROLLMENTS || !(await allEnrollmentsInScope(prisma, scope, strings))) {
    throw new ActionError(ENROLLMENT_NOT_FOUND);
  }
}

const permissionNames = Object.keys(PERMISSIONS) as [TPermission, ...TPermission[]];

/**
 * The only way to define a server action: each declares the permission it needs in its
 * metadata, and the middleware checks it against the user's role as stored now, then that every
 * enrollment the input names is in the user's branch scope (lib/desk/scope.ts).
 */
export const authedAction = createSafeActionClient({
  defineMetadataSchema: () =>
    z.object({
      permission: z.enum(permissionNames),
      name: z.string(),
      /** Runs while the user must still change the password or enrol TOTP (those very steps). */
      allowPending: z.boolean().optional(),
    }),
  handleServerError(error, { metadata }) {
    if (error instanceof ActionError) return error.message;
    const correlationId = crypto.randomUUID();
    logger.error({ err: error, action: metadata?.name, correlationId }, "server action failed");
    return `Something went wrong (reference ${correlationId.slice(0, 8)}).`;
  },
}).use(async ({ next, metadata, clientInput }) => {
  const user = await getCurrentUser();
  if (!user) throw new ActionError("Your session has ended. Sign in again.");
  if (user.pending && !metadata.allowPending) {
    throw new ActionError(user.pending === "password" ? "Change your password first." : "Set up two-factor authentication first.");
  }
  if (!can(user.role, metadata.permission)) throw new ActionError("Your role may not do this.");
  const scope = scopeOf(user);
  await requireInScope(scope, clientInput);
  return next({ ctx: { user, scope } });
});
