"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { ZIntakeKeyName } from "@/lib/intake/api-key-schemas";
import { createIntakeKey } from "@/lib/intake/manage-api-keys";

/** Creates an intake API key and returns it once (only its hash is stored). */
export const createIntakeKeyAction = authedAction
  .metadata({ name: "createIntakeKey", permission: "keys:manage" })
  .inputSchema(ZIntakeKeyName)
  .action(async ({ parsedInput, ctx }) => {
    const created = await createIntakeKey(prisma, parsedInput.name, { actor: { id: ctx.user.id, label: ctx.user.username }, ip: await clientIp() });
    revalidatePath("/admin/keys");
    return created;
  });
