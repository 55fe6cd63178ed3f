"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { ZDefaultQueueView, ZQueueViewId, ZSaveQueueView, type TQueueViewResult } from "@/lib/queue/queue-view-input";
import { deleteQueueView, saveQueueView, setDefaultQueueView } from "@/lib/queue/queue-views";

// A user's own queue views: each action reads and writes only the caller's (lib/queue/queue-views.ts).

export const saveQueueViewAction = authedAction
  .metadata({ name: "saveQueueView", permission: "queue:read" })
  .inputSchema(ZSaveQueueView)
  .action(async ({ parsedInput, ctx }): Promise<TQueueViewResult> => {
    const result = await saveQueueView(prisma, { id: ctx.user.id, label: ctx.user.username }, parsedInput);
    revalidatePath("/queue");
    return result;
  });

export const deleteQueueViewAction = authedAction
  .metadata({ name: "deleteQueueView", permission: "queue:read" })
  .inputSchema(ZQueueViewId)
  .action(async ({ parsedInput, ctx }): Promise<TQueueViewResult> => {
    const result = await deleteQueueView(prisma, { id: ctx.user.id, label: ctx.user.username }, parsedInput.viewId);
    revalidatePath("/queue");
    return result;
  });

export const setDefaultQueueViewAction = authedAction
  .metadata({ name: "setDefaultQueueView", permission: "queue:read" })
  .inputSchema(ZDefaultQueueView)
  .action(async ({ parsedInput, ctx }): Promise<TQueueViewResult> => {
    const result = await setDefaultQueueView(prisma, { id: ctx.user.id, label: ctx.user.username }, parsedInput.viewId);
    revalidatePath("/queue");
    return result;
  });
