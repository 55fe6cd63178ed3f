"use server";

import { revalidatePath } from "next/cache";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { ZAddNoteInput } from "@/lib/notes/note-input";
import { addNote as addNoteInDb, type TAddNoteResult } from "@/lib/notes/notes";

/** Adds a note to an enrollment (officers and compliance); refused with the reason, never half-written. */
export const addNote = authedAction
  .metadata({ name: "addNote", permission: "enrollment:note" })
  .inputSchema(ZAddNoteInput)
  .action(async ({ parsedInput, ctx }): Promise<TAddNoteResult> => {
    const result = await addNoteInDb(prisma, {
      enrollmentId: parsedInput.enrollmentId,
      body: parsedInput.body,
      author: { id: ctx.user.id, label: ctx.user.username },
      ip: await clientIp(),
    });
    if (result.kind === "added") revalidatePath(`/enrollments/${parsedInput.enrollmentId}`);
    return result;
  });
