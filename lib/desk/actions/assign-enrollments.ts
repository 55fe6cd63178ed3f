"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { deskActor, notFoundWhenOutOfScope } from "@/lib/desk/actions/desk-action";
import { assignEnrollments } from "@/lib/desk/ownership";
import { ZAssignInput, type TOwnershipResult } from "@/lib/desk/ownership-input";

/** (Leads) gives the selected enrollments to another officer of their branch. */
export const assignEnrollmentsAction = authedAction
  .metadata({ name: "assignEnrollments", permission: "enrollment:own" })
  .inputSchema(ZAssignInput)
  .action(async ({ parsedInput, ctx }): Promise<TOwnershipResult> => {
    const result = await assignEnrollments(prisma, await deskActor(ctx), parsedInput.enrollmentIds, parsedInput.assigneeId).catch(notFoundWhenOutOfScope);
    if (result.kind === "done") {
      revalidatePath("/queue");
      for (const id of parsedInput.enrollmentIds) revalidatePath(`/enrollments/${id}`);
    }
    return result;
  });
