import "server-only";
import { pgPool } from "@/lib/db/pg-pool";
import { env } from "@/lib/env";
import { createEventBatcher, type TEventBatcher } from "./event-batcher";

const globalForBatcher = globalThis as unknown as { amlEventBatcher?: TEventBatcher };

/** The console process's one event batcher (lib/aml/event-batcher.ts) over its plain pg pool. */
export function webhookEventBatcher(): TEventBatcher {
  globalForBatcher.amlEventBatcher ??= createEventBatcher(pgPool(), { lanes: env().AMLYZE_WEBHOOK_LANES });
  return globalForBatcher.amlEventBatcher;
}
