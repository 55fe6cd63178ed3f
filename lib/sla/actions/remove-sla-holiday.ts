"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { removeSlaHoliday } from "@/lib/sla/manage-sla-settings";
import { ZRemoveSlaHoliday } from "@/lib/sla/sla-schemas";

/** Removes a holiday (admins). */
export const removeSlaHolidayAction = authedAction
  .metadata({ name: "removeSlaHoliday", permission: "settings:manage" })
  .inputSchema(ZRemoveSlaHoliday)
  .action(async ({ parsedInput, ctx }) => {
    const result = await removeSlaHoliday(prisma, parsedInput.id, { actor: { id: ctx.user.id, label: ctx.user.username }, ip: await clientIp() });
    revalidatePath("/admin/settings");
    return result;
  });
