"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { ZDecideConflictInput, ZDismissDuplicateInput, type TDecideConflictResult, type TDismissDuplicateResult } from "@/lib/enrollment/identity-decision-input";
import { decideConflict, dismissDuplicate } from "@/lib/enrollment/identity-decisions";

/** One document under another name or birth date: the officer says who this is (audited). */
export const decideIdentityConflict = authedAction
  .metadata({ name: "decideIdentityConflict", permission: "enrollment:push" })
  .inputSchema(ZDecideConflictInput)
  .action(async ({ parsedInput, ctx }): Promise<TDecideConflictResult> => {
    const result = await decideConflict(prisma, { ...parsedInput, actor: { id: ctx.user.id, label: ctx.user.username }, ip: await clientIp() });
    if (result.kind === "decided") revalidatePath(`/enrollments/${parsedInput.enrollmentId}`);
    return result;
  });

/** A possible duplicate judged a different person: proposed by one officer, confirmed by a second (audited). */
export const dismissPossibleDuplicate = authedAction
  .metadata({ name: "dismissPossibleDuplicate", permission: "enrollment:push" })
  .inputSchema(ZDismissDuplicateInput)
  .action(async ({ parsedInput, ctx }): Promise<TDismissDuplicateResult> => {
    const result = await dismissDuplicate(prisma, { ...parsedInput, actor: { id: ctx.user.id, label: ctx.user.username }, ip: await clientIp() });
    if (result.kind === "proposed" || result.kind === "dismissed") revalidatePath(`/enrollments/${parsedInput.enrollmentId}`);
    return result;
  });
