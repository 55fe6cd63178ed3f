"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { changeOwnPassword } from "@/lib/account/change-password";
import { throttleKey } from "@/lib/auth/login-throttle";
import { reissueSession } from "@/lib/auth/reissue-session";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ZChangeOwnPassword } from "@/lib/users/user-schemas";

/** The signed-in user changes their password; allowed while it is the step they must take. */
export const changeOwnPasswordAction = authedAction
  .metadata({ name: "changeOwnPassword", permission: "profile:update", allowPending: true })
  .inputSchema(ZChangeOwnPassword)
  .action(async ({ parsedInput, ctx }) => {
    const ip = await clientIp();
    const result = await changeOwnPassword(prisma, {
      userId: ctx.user.id,
      currentPassword: parsedInput.currentPassword,
      newPassword: parsedInput.newPassword,
      actor: { id: ctx.user.id, label: ctx.user.username },
      ip,
      throttle: { key: throttleKey(ctx.user.username, ip ?? "local"), policy: { maxFailures: env().LOGIN_MAX_FAILURES, lockMinutes: env().LOGIN_LOCK_MINUTES } },
    });
    if (result.kind === "changed") {
      await reissueSession(ctx.user.id);
      revalidatePath("/", "layout");
    }
    return result;
  });
