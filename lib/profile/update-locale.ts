"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/i18n/locales";
import { authedAction } from "@/lib/actions/safe-action";
import { prisma } from "@/lib/db/client";

/** Saves the interface language as the user's preference. */
export const updateLocale = authedAction
  .metadata({ name: "updateLocale", permission: "profile:update", allowPending: true })
  .inputSchema(z.object({ locale: z.enum(LOCALES) }))
  .action(async ({ parsedInput, ctx }) => {
    await prisma.user.update({ where: { id: ctx.user.id }, data: { locale: parsedInput.locale } });
    (await cookies()).set(LOCALE_COOKIE, parsedInput.locale, { path: "/", sameSite: "lax", httpOnly: false, maxAge: 31536000 });
    revalidatePath("/", "layout");
    return { locale: parsedInput.locale };
  });
