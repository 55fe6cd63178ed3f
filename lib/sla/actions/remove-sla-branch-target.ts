"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { removeSlaBranchTarget } from "@/lib/sla/manage-sla-settings";
import { ZRemoveSlaBranchTarget } from "@/lib/sla/sla-schemas";

/** Removes a branch's own target: the calendar's applies again (admins). */
export const removeSlaBranchTargetAction = authedAction
  .metadata({ name: "removeSlaBranchTarget", permission: "settings:manage" })
  .inputSchema(ZRemoveSlaBranchTarget)
  .action(async ({ parsedInput, ctx }) => {
    const result = await removeSlaBranchTarget(prisma, parsedInput.branchCode, { actor: { id: ctx.user.id, label: ctx.user.username }, ip: await clientIp() });
    revalidatePath("/admin/settings");
    return result;
  });
