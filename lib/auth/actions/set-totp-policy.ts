"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clientIp } from "@/lib/actions/client-ip";
import { ActionError, authedAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record-audit";
import { REQUIRE_TOTP_KEY, totpPolicy } from "@/lib/auth/totp-policy";
import { prisma } from "@/lib/db/client";

/** Requires (or stops requiring) a TOTP second factor of every user; refused while REQUIRE_TOTP decides. */
export const setTotpPolicyAction = authedAction
  .metadata({ name: "setTotpPolicy", permission: "settings:manage" })
  .inputSchema(z.object({ required: z.boolean() }))
  .action(async ({ parsedInput, ctx }) => {
    const current = await totpPolicy(prisma);
    if (current.source === "environment") throw new ActionError("REQUIRE_TOTP is set in the environment; change it there.");
    const ip = await clientIp();
    await prisma.$transaction(async (tx) => {
      await tx.integrationSetting.upsert({
        where: { key: REQUIRE_TOTP_KEY },
        create: { key: REQUIRE_TOTP_KEY, value: parsedInput.required, updatedById: ctx.user.id },
        update: { value: parsedInput.required, updatedById: ctx.user.id },
      });
      await recordAudit(tx, {
        actor: { id: ctx.user.id, label: ctx.user.username },
        action: "settings.changed",
        targetType: "setting",
        targetId: REQUIRE_TOTP_KEY,
        details: { from: current.required, to: parsedInput.required },
        ip,
      });
    });
    revalidatePath("/", "layout");
    return { required: parsedInput.required };
  });
