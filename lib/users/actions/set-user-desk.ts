"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { clientIp } from "@/lib/actions/client-ip";
import { prisma } from "@/lib/db/client";
import { adminContext, setUserDesk } from "@/lib/users/manage-users";
import { ZSetDesk } from "@/lib/users/user-schemas";

/** Sets the branches a user works and whether they lead those branches' desk. */
export const setUserDeskAction = authedAction
  .metadata({ name: "setUserDesk", permission: "users:manage" })
  .inputSchema(ZSetDesk)
  .action(async ({ parsedInput, ctx }) => {
    const result = await setUserDesk(prisma, parsedInput.userId, { branches: parsedInput.branches, deskLead: parsedInput.deskLead }, adminContext(ctx.user, await clientIp()));
    revalidatePath("/admin/users", "layout");
    return result;
  });
