"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { saveSlaCalendar } from "@/lib/sla/manage-sla-settings";
import { ZSlaCalendarInput } from "@/lib/sla/sla-schemas";

/** Sets the review target, time zone and working hours (admins); open enrollments' due times follow. */
export const saveSlaCalendarAction = authedAction
  .metadata({ name: "saveSlaCalendar", permission: "settings:manage" })
  .inputSchema(ZSlaCalendarInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await saveSlaCalendar(prisma, parsedInput, { actor: { id: ctx.user.id, label: ctx.user.username }, ip: await clientIp() });
    revalidatePath("/admin/settings");
    return result;
  });
