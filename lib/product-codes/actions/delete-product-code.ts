"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { deleteProductCode } from "@/lib/product-codes/manage-product-codes";
import { ZDeleteProductCode } from "@/lib/product-codes/product-code-schemas";

/** Deletes a product code that was never requested; a used one is refused (deactivate it). */
export const deleteProductCodeAction = authedAction
  .metadata({ name: "deleteProductCode", permission: "products:manage" })
  .inputSchema(ZDeleteProductCode)
  .action(async ({ parsedInput, ctx }) => {
    const result = await deleteProductCode(prisma, parsedInput.code, { actor: { id: ctx.user.id, label: ctx.user.username }, ip: await clientIp() });
    revalidatePath("/admin/products", "layout");
    return result;
  });
