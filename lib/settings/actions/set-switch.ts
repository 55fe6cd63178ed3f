"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clientIp } from "@/lib/actions/client-ip";
import { ActionError, authedAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { readSwitch, SWITCH_NAMES, SWITCHES } from "@/lib/settings/switches";

/** Turns one of Admin → Settings' switches on or off (admins); refused while its variable decides. */
export const setSwitchAction = authedAction
  .metadata({ name: "setSwitch", permission: "settings:manage" })
  .inputSchema(z.object({ name: z.enum(SWITCH_NAMES), on: z.boolean() }))
  .action(async ({ parsedInput: { name, on }, ctx }) => {
    const current = await readSwitch(prisma, name);
    const { key, env } = SWITCHES[name];
    if (current.source === "environment") throw new ActionError(`${env} is set in the environment; change it there.`);
    const ip = await clientIp();
    await prisma.$transaction(async (tx) => {
      await tx.integrationSetting.upsert({
        where: { key },
        create: { key, value: on, updatedById: ctx.user.id },
        update: { value: on, updatedById: ctx.user.id },
      });
      await recordAudit(tx, {
        actor: { id: ctx.user.id, label: ctx.user.username },
        action: "settings.changed",
        targetType: "setting",
        targetId: key,
        details: { from: current.on, to: on },
        ip,
      });
    });
    // Both switches change what every page shows (the push button, the pending 2FA step).
    revalidatePath("/", "layout");
    return { on };
  });
