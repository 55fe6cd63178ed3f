"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { ZIntakeKeyId } from "@/lib/intake/api-key-schemas";
import { revokeIntakeKey } from "@/lib/intake/manage-api-keys";

/** Revokes an intake API key: the next request with it is refused. */
export const revokeIntakeKeyAction = authedAction
  .metadata({ name: "revokeIntakeKey", permission: "keys:manage" })
  .inputSchema(ZIntakeKeyId)
  .action(async ({ parsedInput, ctx }) => {
    const result = await revokeIntakeKey(prisma, parsedInput.id, { actor: { id: ctx.user.id, label: ctx.user.username }, ip: await clientIp() });
    revalidatePath("/admin/keys");
    return result;
  });
