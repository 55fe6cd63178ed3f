"use server";

import { revalidatePath } from "next/cache";
import { ActionError, authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { EnrollmentNotFoundError, saveSection as saveSectionInDb } from "@/lib/enrollment/save-section";
import { ZSaveSectionInput, type TSaveSectionResult } from "@/lib/enrollment/save-section-input";

/** Saves one section of an enrollment (officers only), refusing a stale version. */
export const saveSection = authedAction
  .metadata({ name: "saveSection", permission: "enrollment:edit" })
  .inputSchema(ZSaveSectionInput)
  .action(async ({ parsedInput, ctx }): Promise<TSaveSectionResult> => {
    const result = await saveSectionInDb(prisma, {
      enrollmentId: parsedInput.enrollmentId,
      expectedSectionVersion: parsedInput.sectionVersion,
      section: parsedInput.section,
      value: parsedInput.value,
      actor: { id: ctx.user.id, label: ctx.user.username },
    }).catch((error: unknown) => {
      if (error instanceof EnrollmentNotFoundError) throw new ActionError("This enrollment does not exist.");
      throw error;
    });
    if (result.kind === "saved") revalidatePath(`/enrollments/${parsedInput.enrollmentId}`);
    return result;
  });
