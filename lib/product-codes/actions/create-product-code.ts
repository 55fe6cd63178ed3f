"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { createProductCode } from "@/lib/product-codes/manage-product-codes";
import { ZCreateProductCode } from "@/lib/product-codes/product-code-schemas";

/** Creates a product code officers may request (when active). */
export const createProductCodeAction = authedAction
  .metadata({ name: "createProductCode", permission: "products:manage" })
  .inputSchema(ZCreateProductCode)
  .action(async ({ parsedInput, ctx }) => {
    const result = await createProductCode(prisma, parsedInput, { actor: { id: ctx.user.id, label: ctx.user.username }, ip: await clientIp() });
    revalidatePath("/admin/products", "layout");
    return result;
  });
