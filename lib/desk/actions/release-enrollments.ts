"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { deskActor, notFoundWhenOutOfScope } from "@/lib/desk/actions/desk-action";
import { releaseEnrollments } from "@/lib/desk/ownership";
import { ZReleaseInput, type TOwnershipResult } from "@/lib/desk/ownership-input";

/** Back to unassigned: the officer's own, or (leads) anyone's of their branches. */
export const releaseEnrollmentsAction = authedAction
  .metadata({ name: "releaseEnrollments", permission: "enrollment:own" })
  .inputSchema(ZReleaseInput)
  .action(async ({ parsedInput, ctx }): Promise<TOwnershipResult> => {
    const result = await releaseEnrollments(prisma, await deskActor(ctx), parsedInput.enrollmentIds).catch(notFoundWhenOutOfScope);
    if (result.kind === "done") {
      revalidatePath("/queue");
      for (const id of parsedInput.enrollmentIds) revalidatePath(`/enrollments/${id}`);
    }
    return result;
  });
