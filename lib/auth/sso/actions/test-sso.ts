"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record-audit";
import { fetchDiscovery } from "@/lib/auth/sso/discovery";
import { SSO_VERIFIED_KEY, ssoConfig } from "@/lib/auth/sso/readiness";
import { prisma } from "@/lib/db/client";

/**
 * "Test" in Admin → Settings → Single sign-on: reads the provider's discovery document with the
 * settings in force. A success is remembered for this issuer and client, which password sign-in
 * needs before it can be switched off. Audited (verdict only).
 */
export const testSsoAction = authedAction
  .metadata({ name: "testSso", permission: "settings:manage" })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => {
    const config = await ssoConfig(prisma);
    const result = config ? await fetchDiscovery(config) : ({ verdict: "not_configured" } as const);
    await prisma.$transaction(async (tx) => {
      if (config && result.verdict === "ok") {
        const value = { issuer: config.issuer, clientId: config.clientId, at: new Date().toISOString() };
        await tx.integrationSetting.upsert({ where: { key: SSO_VERIFIED_KEY }, create: { key: SSO_VERIFIED_KEY, value, updatedById: ctx.user.id }, update: { value, updatedById: ctx.user.id } });
      }
      await recordAudit(tx, {
        actor: { id: ctx.user.id, label: ctx.user.username },
        action: "integration.tested",
        targetType: "integration",
        targetId: "sso",
        details: { verdict: result.verdict, ...("detail" in result ? { detail: result.detail, status: result.status } : {}) },
        ip: await clientIp(),
      });
    });
    revalidatePath("/admin/settings");
    return result;
  });
