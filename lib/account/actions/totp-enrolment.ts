"use server";

import { z } from "zod";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/account/totp-enrolment";
import { prisma } from "@/lib/db/client";

/** Shows a new TOTP secret (QR and text) to the signed-in user; allowed while enrolment is pending. */
export const startTotpEnrolmentAction = authedAction
  .metadata({ name: "startTotpEnrolment", permission: "profile:update", allowPending: true })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => startTotpEnrolment(prisma, { id: ctx.user.id, username: ctx.user.username }));

/**
 * Confirms the secret with a code from the app; the recovery codes come back once. No
 * revalidation here: re-rendering the page would replace the form, and the codes with it, before
 * the user saved them. "Continue" navigates.
 */
export const confirmTotpEnrolmentAction = authedAction
  .metadata({ name: "confirmTotpEnrolment", permission: "profile:update", allowPending: true })
  .inputSchema(z.object({ code: z.string().trim().max(20) }))
  .action(async ({ parsedInput, ctx }) => {
    const result = await confirmTotpEnrolment(prisma, {
      userId: ctx.user.id,
      code: parsedInput.code,
      actor: { id: ctx.user.id, label: ctx.user.username },
      ip: await clientIp(),
    });
    return result;
  });
