"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { addSlaHoliday } from "@/lib/sla/manage-sla-settings";
import { ZSlaHolidayInput } from "@/lib/sla/sla-schemas";

/** Adds a day not worked, for every branch or one (admins). */
export const addSlaHolidayAction = authedAction
  .metadata({ name: "addSlaHoliday", permission: "settings:manage" })
  .inputSchema(ZSlaHolidayInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await addSlaHoliday(prisma, parsedInput, { actor: { id: ctx.user.id, label: ctx.user.username }, ip: await clientIp() });
    revalidatePath("/admin/settings");
    return result;
  });
