"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { markRead } from "@/lib/notifications/inbox";
import { ZMarkReadInput } from "@/lib/notifications/notification-input";

/** Marks the reader's own notifications read (one, or all); another's id changes nothing. */
export const markNotificationsRead = authedAction
  .metadata({ name: "markNotificationsRead", permission: "notifications:read" })
  .inputSchema(ZMarkReadInput)
  .action(async ({ parsedInput, ctx }): Promise<{ marked: number }> => {
    const marked = await markRead(prisma, {
      actor: { id: ctx.user.id, label: ctx.user.username },
      ids: "all" in parsedInput ? "all" : parsedInput.ids,
      ip: await clientIp(),
    });
    if (marked > 0) revalidatePath("/notifications");
    return { marked };
  });
