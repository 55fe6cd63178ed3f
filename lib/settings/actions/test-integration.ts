"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { formatReason } from "@/lib/reasons/format";
import { testConnection } from "@/lib/settings/test-connection";

/** "Test connection": one harmless request with the saved settings; audited (outcome only). */
export const testIntegrationAction = authedAction
  .metadata({ name: "testIntegration", permission: "integrations:manage" })
  .inputSchema(z.object({ integration: z.enum(["core", "amlyze"]) }))
  .action(async ({ parsedInput, ctx }) => {
    const result = await testConnection(prisma, parsedInput.integration);
    await recordAudit(prisma, {
      actor: { id: ctx.user.id, label: ctx.user.username },
      action: "integration.tested",
      targetType: "integration",
      targetId: parsedInput.integration,
      details: { verdict: result.verdict, status: result.status },
      ip: await clientIp(),
    });
    // Why nothing answered, in the admin's language.
    const { reason, ...shown } = result;
    return reason ? { ...shown, message: formatReason(await getTranslations("reasons"), reason) } : shown;
  });
