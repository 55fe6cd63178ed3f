// The AMLYZE settings in force for one job: what an admin stored in Admin → Integrations, with
// the AMLYZE_* variables winning (lib/settings/integrations.ts), plus the worker's
// environment-only knobs. Read per job, like the core's settings, so a new token or base URL is
// used by the next submission without restarting the worker.
import "server-only";
import type { TDb } from "@/lib/db/types";
import { amlyzeAuth, amlyzeSettings, type TAmlyzeSettings } from "@/lib/settings/integrations";
import type { TAmlConnection, TAmlMessageSettings, TAmlWorkerSettings } from "./settings";

export type TAmlSubmissionTarget = { message: TAmlMessageSettings; connection: TAmlConnection };

/** Where and how to send, from resolved settings; `missing` names the settings still needed. */
export function amlConnectionOf(settings: TAmlyzeSettings): TAmlConnection {
  const auth = amlyzeAuth(settings);
  const missing = [...(settings.baseUrl ? [] : ["baseUrl"]), ...(auth.ok ? [] : auth.missing)];
  if (!settings.baseUrl || !auth.ok) return { ok: false, missing };
  const url = `${settings.baseUrl.replace(/\/+$/, "")}${settings.path}`;
  return { ok: true, baseUrl: settings.baseUrl, path: settings.path, url, auth: auth.auth, timeoutMs: settings.timeoutMs };
}

/** The message every simplified-customer body carries, and the connection, as configured now. */
export async function amlSubmissionTarget(db: TDb, worker: TAmlWorkerSettings): Promise<TAmlSubmissionTarget> {
  const settings = await amlyzeSettings(db, { env: worker.adminFieldEnv });
  return {
    message: {
      requester: settings.requester,
      riskManagementCategory: settings.riskManagementCategory,
      customerStatus: settings.customerStatus,
      includeOptional: settings.optionalFields,
    },
    connection: amlConnectionOf(settings),
  };
}
