"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { clientIp } from "@/lib/actions/client-ip";
import { prisma } from "@/lib/db/client";
import { adminContext, resetUserTotp } from "@/lib/users/manage-users";
import { ZUserId } from "@/lib/users/user-schemas";

/** Removes a user's TOTP second factor (a lost phone); they enrol again. */
export const resetUserTotpAction = authedAction
  .metadata({ name: "resetUserTotp", permission: "users:manage" })
  .inputSchema(ZUserId)
  .action(async ({ parsedInput, ctx }) => {
    const result = await resetUserTotp(prisma, parsedInput.userId, adminContext(ctx.user, await clientIp()));
    revalidatePath("/admin/users", "layout");
    return result;
  });
