"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { updateProductCode } from "@/lib/product-codes/manage-product-codes";
import { ZUpdateProductCode } from "@/lib/product-codes/product-code-schemas";

/** Edits a product code's name, description, active flag and account number length (the code itself never changes). */
export const updateProductCodeAction = authedAction
  .metadata({ name: "updateProductCode", permission: "products:manage" })
  .inputSchema(ZUpdateProductCode)
  .action(async ({ parsedInput, ctx }) => {
    const result = await updateProductCode(prisma, parsedInput, { actor: { id: ctx.user.id, label: ctx.user.username }, ip: await clientIp() });
    revalidatePath("/admin/products", "layout");
    return result;
  });
