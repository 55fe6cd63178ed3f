"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { clientIp } from "@/lib/actions/client-ip";
import { prisma } from "@/lib/db/client";
import { adminContext, setUserDisabled } from "@/lib/users/manage-users";
import { ZSetDisabled } from "@/lib/users/user-schemas";

/** Disables (the next request of that user is refused) or enables a user; never the last active admin. */
export const setUserDisabledAction = authedAction
  .metadata({ name: "setUserDisabled", permission: "users:manage" })
  .inputSchema(ZSetDisabled)
  .action(async ({ parsedInput, ctx }) => {
    const result = await setUserDisabled(prisma, parsedInput.userId, parsedInput.disabled, adminContext(ctx.user, await clientIp()));
    revalidatePath("/admin/users", "layout");
    return result;
  });
