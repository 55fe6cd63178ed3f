"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { clientIp } from "@/lib/actions/client-ip";
import { prisma } from "@/lib/db/client";
import { adminContext, createUser } from "@/lib/users/manage-users";
import { ZCreateUser } from "@/lib/users/user-schemas";

/** Creates a user with a temporary password they must change at the first sign-in; a generated one is returned once. */
export const createUserAction = authedAction
  .metadata({ name: "createUser", permission: "users:manage" })
  .inputSchema(ZCreateUser)
  .action(async ({ parsedInput, ctx }) => {
    const result = await createUser(prisma, parsedInput, adminContext(ctx.user, await clientIp()));
    revalidatePath("/admin/users", "layout");
    return result;
  });
