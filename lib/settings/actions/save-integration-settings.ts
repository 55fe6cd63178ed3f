"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { ActionError, authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { ZIntegrationSettingsInput } from "@/lib/settings/integration-fields";
import { saveIntegrationSettings, SettingLockedError } from "@/lib/settings/save-integration-settings";

/** Stores the core's, AMLYZE's or single sign-on's settings (secrets sealed); fields set by the environment are refused. */
export const saveIntegrationSettingsAction = authedAction
  .metadata({ name: "saveIntegrationSettings", permission: "integrations:manage" })
  .inputSchema(ZIntegrationSettingsInput)
  .action(async ({ parsedInput, ctx }) => {
    try {
      const result = await saveIntegrationSettings(prisma, {
        integration: parsedInput.integration,
        values: parsedInput.values as Record<string, string | number | undefined>,
        clear: parsedInput.clear,
        actor: { id: ctx.user.id, label: ctx.user.username },
        ip: await clientIp(),
      });
      revalidatePath("/admin/integrations");
      // Single sign-on's fields live in Admin → Settings and name the login page's button.
      if (parsedInput.integration === "sso") revalidatePath("/", "layout");
      return { count: result.changed.length + result.cleared.length };
    } catch (error) {
      if (error instanceof SettingLockedError) throw new ActionError(error.message);
      throw error;
    }
  });
