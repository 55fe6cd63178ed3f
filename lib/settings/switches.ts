// The console's on/off settings an admin controls in Admin → Settings. Each is stored as a JSON
// boolean in integration_settings; its environment variable (on/off) wins and the console shows
// it as such; without either, the default applies.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

type TDb = PrismaClient | Prisma.TransactionClient;

export const SWITCHES = {
  /** The officer who last edited an enrollment cannot push it. On by default in production. */
  fourEyes: { key: "push.four_eyes", env: "FOUR_EYES", byDefault: () => process.env.NODE_ENV === "production" },
  /** Every user must have a TOTP second factor. Optional by default. */
  requireTotp: { key: "auth.require_totp", env: "REQUIRE_TOTP", byDefault: () => false },
  /**
   * Username and password sign-in. Off leaves single sign-on only; it is turned off only once
   * single sign-on is configured and tested (lib/auth/sso/readiness.ts), and LOCAL_LOGIN=on is
   * the way back in should the identity provider fail.
   */
  localLogin: { key: "auth.local_login", env: "LOCAL_LOGIN", byDefault: () => true },
} as const;

export type TSwitchName = keyof typeof SWITCHES;
export const SWITCH_NAMES = Object.keys(SWITCHES) as [TSwitchName, ...TSwitchName[]];

export type TSwitch = { on: boolean; source: "environment" | "database" | "default" };

function fromEnv(name: TSwitchName): boolean | undefined {
  const variable = SWITCHES[name].env;
  const value = process.env[variable];
  if (value === undefined || value === "") return undefined;
  if (["1", "true", "on"].includes(value.toLowerCase())) return true;
  if (["0", "false", "off"].includes(value.toLowerCase())) return false;
  throw new Error(`${variable} must be on or off`);
}

export async function readSwitch(db: TDb, name: TSwitchName): Promise<TSwitch> {
  const env = fromEnv(name);
  if (env !== undefined) return { on: env, source: "environment" };
  const row = await db.integrationSetting.findUnique({ where: { key: SWITCHES[name].key }, select: { value: true } });
  if (typeof row?.value === "boolean") return { on: row.value, source: "database" };
  return { on: SWITCHES[name].byDefault(), source: "default" };
}
