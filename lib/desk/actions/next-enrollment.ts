"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";
import { deskActor } from "@/lib/desk/actions/desk-action";
import { takeNextEnrollment, type TNextEnrollment } from "@/lib/desk/next-enrollment";

/** "Next enrollment" (button or `n`): the officer's most urgent own one, else the most urgent unowned one, claimed. */
export const nextEnrollmentAction = authedAction
  .metadata({ name: "nextEnrollment", permission: "enrollment:own" })
  .inputSchema(z.object({ except: z.uuid().optional() }))
  .action(async ({ parsedInput, ctx }): Promise<TNextEnrollment> => {
    const next = await takeNextEnrollment(prisma, await deskActor(ctx), { except: parsedInput.except });
    if (next.kind === "claimed") revalidatePath("/queue");
    return next;
  });
