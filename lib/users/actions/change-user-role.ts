"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { clientIp } from "@/lib/actions/client-ip";
import { prisma } from "@/lib/db/client";
import { adminContext, changeUserRole } from "@/lib/users/manage-users";
import { ZChangeRole } from "@/lib/users/user-schemas";

/** Changes a user's role (never the last active admin's away from admin). */
export const changeUserRoleAction = authedAction
  .metadata({ name: "changeUserRole", permission: "users:manage" })
  .inputSchema(ZChangeRole)
  .action(async ({ parsedInput, ctx }) => {
    const result = await changeUserRole(prisma, parsedInput.userId, parsedInput.role, adminContext(ctx.user, await clientIp()));
    revalidatePath("/admin/users", "layout");
    return result;
  });
