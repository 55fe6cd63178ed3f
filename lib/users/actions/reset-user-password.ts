"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { clientIp } from "@/lib/actions/client-ip";
import { prisma } from "@/lib/db/client";
import { adminContext, resetUserPassword } from "@/lib/users/manage-users";
import { ZResetPassword } from "@/lib/users/user-schemas";

/** Sets a temporary password the user must change at the next sign-in; a generated one is returned once. */
export const resetUserPasswordAction = authedAction
  .metadata({ name: "resetUserPassword", permission: "users:manage" })
  .inputSchema(ZResetPassword)
  .action(async ({ parsedInput, ctx }) => {
    const result = await resetUserPassword(prisma, parsedInput.userId, parsedInput.temporaryPassword, adminContext(ctx.user, await clientIp()));
    revalidatePath("/admin/users", "layout");
    return result;
  });
