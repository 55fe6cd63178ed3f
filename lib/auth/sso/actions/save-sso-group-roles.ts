"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { saveGroupRoles } from "@/lib/auth/sso/group-role-store";
import { ZGroupRoles } from "@/lib/auth/sso/group-roles";
import { prisma } from "@/lib/db/client";

/** Replaces the group → role table (admins); a change ends every SSO user's sessions. */
export const saveSsoGroupRolesAction = authedAction
  .metadata({ name: "saveSsoGroupRoles", permission: "settings:manage" })
  .inputSchema(ZGroupRoles)
  .action(async ({ parsedInput, ctx }) => {
    const result = await saveGroupRoles(prisma, { mappings: parsedInput.mappings, actor: { id: ctx.user.id, label: ctx.user.username }, ip: await clientIp() });
    revalidatePath("/admin/settings");
    return result;
  });
