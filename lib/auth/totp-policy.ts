// "Require TOTP for all users": an admin setting; REQUIRE_TOTP (on/off) wins over it, as
// FOUR_EYES does for four-eyes. Without either, TOTP is optional.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export const REQUIRE_TOTP_KEY = "auth.require_totp";

type TDb = PrismaClient | Prisma.TransactionClient;

export type TTotpPolicy = { required: boolean; source: "environment" | "database" | "default" };

function fromEnv(value: string | undefined): boolean | undefined {
  if (value === undefined || value === "") return undefined;
  if (["1", "true", "on"].includes(value.toLowerCase())) return true;
  if (["0", "false", "off"].includes(value.toLowerCase())) return false;
  throw new Error("REQUIRE_TOTP must be on or off");
}

export async function totpPolicy(db: TDb): Promise<TTotpPolicy> {
  const env = fromEnv(process.env.REQUIRE_TOTP);
  if (env !== undefined) return { required: env, source: "environment" };
  const row = await db.integrationSetting.findUnique({ where: { key: REQUIRE_TOTP_KEY }, select: { value: true } });
  if (typeof row?.value === "boolean") return { required: row.value, source: "database" };
  return { required: false, source: "default" };
}
