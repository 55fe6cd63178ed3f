// Push settings an admin controls. An environment variable wins over the database (and the
// console shows it as such); without either, four-eyes is on in production.
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";

export const FOUR_EYES_KEY = "push.four_eyes";

type TDb = PrismaClient | Prisma.TransactionClient;

export type TFourEyesSetting = { enabled: boolean; source: "environment" | "database" | "default" };

function fromEnv(value: string | undefined): boolean | undefined {
  if (value === undefined || value === "") return undefined;
  if (["1", "true", "on"].includes(value.toLowerCase())) return true;
  if (["0", "false", "off"].includes(value.toLowerCase())) return false;
  throw new Error("FOUR_EYES must be on or off");
}

export async function fourEyesSetting(db: TDb): Promise<TFourEyesSetting> {
  const env = fromEnv(process.env.FOUR_EYES);
  if (env !== undefined) return { enabled: env, source: "environment" };
  const row = await db.integrationSetting.findUnique({ where: { key: FOUR_EYES_KEY }, select: { value: true } });
  if (typeof row?.value === "boolean") return { enabled: row.value, source: "database" };
  return { enabled: process.env.NODE_ENV === "production", source: "default" };
}
