"use server";

import { z } from "zod";
import { clientIp } from "@/lib/actions/client-ip";
import { authedAction } from "@/lib/actions/safe-action";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/account/totp-enrolment";
import { reissueSession } from "@/lib/auth/reissue-session";
import { prisma } from "@/lib/db/client";

/** Shows a new TOTP secret (QR and text) to the signed-in user; allowed while enrolment is pending. */
export const startTotpEnrolmentAction = authedAction
  .metadata({ name: "startTotpEnrolment", permission: "profile:update", allowPending: true })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => startTotpEnrolment(prisma, { id: ctx.user.id, username: ctx.user.username }));

/**
 * Confirms the secret with a code from the app; the recovery codes come back once. The new
 * session's cookie makes Next.js render the page again: the enrolment component stays mounted
 * (the page hands it the "on" summary rather than swapping it out), so the codes stay on screen
 * until "Continue" navigates.
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
    if (result.kind === "enabled") await reissueSession(ctx.user.id);
    return result;
  });
