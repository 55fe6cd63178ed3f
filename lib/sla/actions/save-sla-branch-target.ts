"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { saveSlaBranchTarget } from "@/lib/sla/manage-sla-settings";
import { ZSlaBranchTargetInput } from "@/lib/sla/sla-schemas";

/** Sets a branch's own review target (and time zone) over the calendar's (admins). */
export const saveSlaBranchTargetAction = authedAction
  .metadata({ name: "saveSlaBranchTarget", permission: "settings:manage" })
  .inputSchema(ZSlaBranchTargetInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await saveSlaBranchTarget(prisma, parsedInput, { actor: { id: ctx.user.id, label: ctx.user.username }, ip: await clientIp() });
    revalidatePath("/admin/settings");
    return result;
  });
