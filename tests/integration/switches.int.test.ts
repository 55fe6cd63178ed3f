// Admin → Settings' switches: the environment wins, then the stored value, then the default.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readSwitch, SWITCHES } from "@/lib/settings/switches";
import { scratchDatabase } from "./db";

let db: PrismaClient;
let drop: () => Promise<void>;
const saved = { FOUR_EYES: process.env.FOUR_EYES, REQUIRE_TOTP: process.env.REQUIRE_TOTP, NODE_ENV: process.env.NODE_ENV };
const env = process.env as Record<string, string | undefined>;

beforeAll(async () => {
  const scratch = await scratchDatabase("switches_test", { migrate: true });
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.appUrl, max: 2 }) });
  drop = async () => {
    await db.$disconnect();
    await scratch.drop();
  };
});
afterEach(() => Object.assign(env, saved));
afterAll(async () => drop());

describe("switches", () => {
  it("fall back to their defaults: four-eyes on only in production, 2FA optional", async () => {
    delete env.FOUR_EYES;
    delete env.REQUIRE_TOTP;
    env.NODE_ENV = "production";
    expect(await readSwitch(db, "fourEyes")).toEqual({ on: true, source: "default" });
    env.NODE_ENV = "test";
    expect(await readSwitch(db, "fourEyes")).toEqual({ on: false, source: "default" });
    expect(await readSwitch(db, "requireTotp")).toEqual({ on: false, source: "default" });
  });

  it("read the stored value, and the environment wins over it", async () => {
    delete env.FOUR_EYES;
    await db.integrationSetting.create({ data: { key: SWITCHES.fourEyes.key, value: true } });
    expect(await readSwitch(db, "fourEyes")).toEqual({ on: true, source: "database" });
    env.FOUR_EYES = "off";
    expect(await readSwitch(db, "fourEyes")).toEqual({ on: false, source: "environment" });
    env.REQUIRE_TOTP = "ON";
    expect(await readSwitch(db, "requireTotp")).toEqual({ on: true, source: "environment" });
  });

  it("refuse an environment value that is neither on nor off, naming the variable", async () => {
    env.REQUIRE_TOTP = "sometimes";
    await expect(readSwitch(db, "requireTotp")).rejects.toThrow("REQUIRE_TOTP must be on or off");
  });
});
