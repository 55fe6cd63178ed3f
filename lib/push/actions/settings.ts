"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { FOUR_EYES_KEY, fourEyesSetting } from "@/lib/push/settings";

/** Turns four-eyes pushing on or off (admins); refused while the environment decides it. */
export const setFourEyes = authedAction
  .metadata({ name: "setFourEyes", permission: "settings:manage" })
  .inputSchema(z.object({ enabled: z.boolean() }))
  .action(async ({ parsedInput, ctx }) => {
    const current = await fourEyesSetting(prisma);
    if (current.source === "environment") throw new ActionError("FOUR_EYES is set in the environment; change it there.");
    await prisma.$transaction(async (tx) => {
      await tx.integrationSetting.upsert({
        where: { key: FOUR_EYES_KEY },
        create: { key: FOUR_EYES_KEY, value: parsedInput.enabled, updatedById: ctx.user.id },
        update: { value: parsedInput.enabled, updatedById: ctx.user.id },
      });
      await tx.auditEvent.create({
        data: {
          actorId: ctx.user.id,
          actorLabel: ctx.user.username,
          action: "settings.changed",
          targetType: "setting",
          targetId: FOUR_EYES_KEY,
          details: { from: current.enabled, to: parsedInput.enabled },
        },
      });
    });
    revalidatePath("/admin/settings");
    return { enabled: parsedInput.enabled };
  });
