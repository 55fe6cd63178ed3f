"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { deskActor, notFoundWhenOutOfScope } from "@/lib/desk/actions/desk-action";
import { claimEnrollments } from "@/lib/desk/ownership";
import { ZClaimInput, type TOwnershipResult } from "@/lib/desk/ownership-input";

/** "Assign to me": the selected unowned enrollments of the officer's branches become theirs. */
export const claimEnrollmentsAction = authedAction
  .metadata({ name: "claimEnrollments", permission: "enrollment:own" })
  .inputSchema(ZClaimInput)
  .action(async ({ parsedInput, ctx }): Promise<TOwnershipResult> => {
    const result = await claimEnrollments(prisma, await deskActor(ctx), parsedInput.enrollmentIds).catch(notFoundWhenOutOfScope);
    if (result.kind === "done") {
      revalidatePath("/queue");
      for (const id of parsedInput.enrollmentIds) revalidatePath(`/enrollments/${id}`);
    }
    return result;
  });
