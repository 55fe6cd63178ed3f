import "server-only";
import crypto from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AMLYZE_FIELDS, CORE_FIELDS, type TSettingField } from "./integration-fields";
import { saveIntegrationSettings } from "./save-integration-settings";

export type TSandboxEndpoints = { coreUrl: string; amlyzeUrl: string; amlyzePath: string };

/** A value nobody else knows: the sandbox AMLYZE and the console share it, nothing in the repository holds it. */
const randomSecret = () => crypto.randomBytes(32).toString("base64url");

/**
 * The demo's core and AMLYZE as settings an admin can change in Admin → Integrations (issue: the
 * demo forced them through the environment, which locked the fields). Stored for every field that
 * the environment does not set and that holds no value yet, so a second start, or a value an
 * admin changed, is left alone. The AMLYZE token and webhook secret are made at random here: a
 * webhook signed with a secret from the repository is never accepted. Returns the keys stored.
 */
export async function storeSandboxSettings(
  db: PrismaClient,
  endpoints: TSandboxEndpoints,
  env: Record<string, string | undefined> = process.env,
): Promise<string[]> {
  const wanted = {
    core: { fields: CORE_FIELDS as Record<string, TSettingField>, values: { baseUrl: endpoints.coreUrl } },
    amlyze: {
      fields: AMLYZE_FIELDS as Record<string, TSettingField>,
      values: {
        baseUrl: endpoints.amlyzeUrl,
        path: endpoints.amlyzePath,
        authKind: "bearer",
        token: randomSecret(),
        webhookSecret: randomSecret(),
        // The sandbox takes every optional field, so the demo shows them.
        optionalFields: "birthDate,nationality,document",
      },
    },
  } as const;
  const stored: string[] = [];
  for (const [integration, { fields, values }] of Object.entries(wanted) as Array<["core" | "amlyze", (typeof wanted)["core" | "amlyze"]]>) {
    const keys = Object.keys(values).map((name) => fields[name]!.key);
    const present = new Set((await db.integrationSetting.findMany({ where: { key: { in: keys } }, select: { key: true } })).map((row) => row.key));
    const missing: Record<string, string> = {};
    for (const [name, value] of Object.entries(values)) {
      const f = fields[name]!;
      if (env[f.env]?.trim() || present.has(f.key)) continue;
      missing[name] = String(f.schema.parse(value));
    }
    if (Object.keys(missing).length === 0) continue;
    const { changed } = await saveIntegrationSettings(db, { integration, values: missing, clear: [], actor: { id: null, label: "sandbox" }, env });
    stored.push(...changed);
  }
  return stored;
}
