"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { ActionError, authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { ZPushInput, ZResolveActionInput, type TPushResult, type TResolveResult } from "@/lib/push/push-input";
import { EnrollmentNotFoundError, requestPush } from "@/lib/push/request-push";
import { ProductRequestNotFoundError, resolveProduct } from "@/lib/push/resolve-product";

/** "Push to core" (officers): records the products, moves to `pushing`, enqueues the job. */
export const pushEnrollment = authedAction
  .metadata({ name: "pushEnrollment", permission: "enrollment:push" })
  .inputSchema(ZPushInput)
  .action(async ({ parsedInput, ctx }): Promise<TPushResult> => {
    const result = await requestPush(prisma, {
      enrollmentId: parsedInput.enrollmentId,
      expectedVersion: parsedInput.version,
      products: parsedInput.products,
      actor: { id: ctx.user.id, label: ctx.user.username },
      ip: await clientIp(),
    }).catch((error: unknown) => {
      if (error instanceof EnrollmentNotFoundError) throw new ActionError("This enrollment does not exist.");
      throw error;
    });
    revalidatePath(`/enrollments/${parsedInput.enrollmentId}`);
    return result;
  });

/** Settles a product whose outcome was unknown: the account number the core shows, or "not created". */
export const resolveProductRequest = authedAction
  .metadata({ name: "resolveProductRequest", permission: "enrollment:push" })
  .inputSchema(ZResolveActionInput)
  .action(async ({ parsedInput, ctx }): Promise<TResolveResult> => {
    const result = await resolveProduct(prisma, { ...parsedInput, actor: { id: ctx.user.id, label: ctx.user.username }, ip: await clientIp() }).catch(
      (error: unknown) => {
        if (error instanceof ProductRequestNotFoundError) throw new ActionError("This product request does not exist.");
        throw error;
      },
    );
    if (result.kind === "resolved") revalidatePath(`/enrollments/${result.enrollmentId}`);
    return result;
  });
