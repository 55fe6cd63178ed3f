import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AMLYZE_RISK_LEVELS } from "@/lib/integrations/amlyze/schemas";
import { KYC_TYPE_PREFIX, AML_STATES, type TAmlState } from "./view";

export const DASHBOARD_DAYS = 30;

/** Counts per day (UTC, oldest first) for each series key. */
export type TDailySeries<K extends string> = { days: string[]; counts: Array<Record<K, number>> };

export type TAmlDashboard = {
  byState: Record<TAmlState, number>;
  byRisk: Record<(typeof AMLYZE_RISK_LEVELS)[number] | "unknown", number>;
  /** Customers by the day of their latest submission, split by their AML state now. */
  submissions: TDailySeries<TAmlState>;
  /** KYC scorings AMLYZE completed per day, split by the final risk level they gave. */
  scorings: TDailySeries<(typeof AMLYZE_RISK_LEVELS)[number] | "unknown">;
};

function lastDays(now: Date, count: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: count }, (_, i) => new Date(today - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

function daily<K extends string>(days: string[], keys: readonly K[], rows: Array<{ day: string; key: string; count: number }>, fallback: K): TDailySeries<K> {
  const index = new Map(days.map((day, i) => [day, i]));
  const counts = days.map(() => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>);
  for (const row of rows) {
    const i = index.get(row.day);
    if (i === undefined) continue;
    const key = (keys as readonly string[]).includes(row.key) ? (row.key as K) : fallback;
    counts[i]![key] += row.count;
  }
  return { days, counts };
}

export async function getAmlDashboard(db: PrismaClient, now = new Date()): Promise<TAmlDashboard> {
  const days = lastDays(now, DASHBOARD_DAYS);
  const since = `${days[0]}T00:00:00Z`;
  const riskKeys = [...AMLYZE_RISK_LEVELS, "unknown"] as const;
  const [states, risks, submitted, scored] = await Promise.all([
    db.$queryRaw<Array<{ key: string; count: number }>>`SELECT state::text AS key, count(*)::int AS count FROM aml_customers GROUP BY 1`,
    db.$queryRaw<Array<{ key: string | null; count: number }>>`SELECT risk_level AS key, count(*)::int AS count FROM aml_customers GROUP BY 1`,
    db.$queryRaw<Array<{ day: string; key: string; count: number }>>`
      SELECT to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, state::text AS key, count(*)::int AS count
      FROM aml_customers WHERE submitted_at >= ${since}::timestamptz GROUP BY 1, 2`,
    db.$queryRaw<Array<{ day: string; key: string; count: number }>>`
      SELECT to_char(coalesce(time, received_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, coalesce(upper(data->>'finalRiskLevel'), 'unknown') AS key, count(*)::int AS count
      FROM aml_events WHERE type = ${`${KYC_TYPE_PREFIX}completed`} AND coalesce(time, received_at) >= ${since}::timestamptz GROUP BY 1, 2`,
  ]);
  const byState = Object.fromEntries(AML_STATES.map((s) => [s, 0])) as Record<TAmlState, number>;
  for (const row of states) if (row.key in byState) byState[row.key as TAmlState] = row.count;
  const byRisk = Object.fromEntries(riskKeys.map((r) => [r, 0])) as TAmlDashboard["byRisk"];
  for (const row of risks) {
    const key = row.key && row.key in byRisk ? (row.key as keyof TAmlDashboard["byRisk"]) : "unknown";
    byRisk[key] += row.count;
  }
  return { byState, byRisk, submissions: daily(days, AML_STATES, submitted, "pending"), scorings: daily(days, riskKeys, scored, "unknown") };
}
