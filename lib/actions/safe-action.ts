import "server-only";
import crypto from "node:crypto";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { PERMISSIONS, can, type TPermission } from "@/lib/auth/roles";
import { logger } from "@/lib/logger";

/** An error whose message is written for the user; anything else is logged and hidden. */
export class ActionError extends Error {}

const permissionNames = Object.keys(PERMISSIONS) as [TPermission, ...TPermission[]];

/**
 * The only way to define a server action: each declares the permission it needs in its
 * metadata, and the middleware checks it against the user's role as stored now.
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
}).use(async ({ next, metadata }) => {
  const user = await getCurrentUser();
  if (!user) throw new ActionError("Your session has ended. Sign in again.");
  if (user.pending && !metadata.allowPending) {
    throw new ActionError(user.pending === "password" ? "Change your password first." : "Set up two-factor authentication first.");
  }
  if (!can(user.role, metadata.permission)) throw new ActionError("Your role may not do this.");
  return next({ ctx: { user } });
});
