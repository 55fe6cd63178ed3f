"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clientIp } from "@/lib/actions/client-ip";
import { ActionError, authedAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { ssoReadiness } from "@/lib/auth/sso/readiness";
import { readSwitch, SWITCH_NAMES, SWITCHES } from "@/lib/settings/switches";

/** Turns one of Admin → Settings' switches on or off (admins); refused while its variable decides. */
export const setSwitchAction = authedAction
  .metadata({ name: "setSwitch", permission: "settings:manage" })
  .inputSchema(z.object({ name: z.enum(SWITCH_NAMES), on: z.boolean() }))
  .action(async ({ parsedInput: { name, on }, ctx }) => {
    const current = await readSwitch(prisma, name);
    const { key, env } = SWITCHES[name];
    if (current.source === "environment") throw new ActionError(`${env} is set in the environment; change it there.`);
    if (name === "localLogin" && !on) {
      // Without passwords, single sign-on is the only door: it must open, for an admin too.
      const ready = await ssoReadiness(prisma);
      if (!ready.configured || !ready.tested || !ready.adminMapped) {
        throw new ActionError("Single sign-on must be configured, tested and have a group mapped to admin before password sign-in can be switched off.");
      }
    }
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
    // Each switch changes what pages show (the push button, the pending 2FA step, the login form).
    revalidatePath("/", "layout");
    return { on };
  });
