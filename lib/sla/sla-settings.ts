// The review SLA's settings as stored (sla_calendar, sla_branch_targets, sla_holidays) and what
// they make for one branch: its business calendar and target, and so an enrollment's due time.
import "server-only";
import type { TDb } from "@/lib/db/types";
import { addBusinessMinutes, WEEKDAYS_NINE_TO_FIVE, type TBusinessCalendar, type TWorkingHours } from "@/lib/sla/business-time";

/** Without an admin's choice: 4 working hours, Mon–Fri 09:00–17:00, UTC. */
export const SLA_DEFAULTS = { targetMinutes: 240, timeZone: "UTC", hours: WEEKDAYS_NINE_TO_FIVE } as const;

export type TSlaHoliday = { id: string; day: string; name: string; branchCode: string | null };
export type TSlaBranchTarget = { branchCode: string; targetMinutes: number; timeZone: string | null };

export type TSlaConfig = {
  targetMinutes: number;
  timeZone: string;
  hours: readonly TWorkingHours[];
  holidays: TSlaHoliday[];
  branches: TSlaBranchTarget[];
  /** Whether an admin saved the calendar (else the defaults). */
  saved: boolean;
};

export function parseHours(value: unknown): TWorkingHours[] | null {
  if (!Array.isArray(value) || value.length !== 7) return null;
  const hours = value.map((day): TWorkingHours | undefined => {
    if (day === null) return null;
    if (typeof day === "object" && typeof day.open === "number" && typeof day.close === "number") return { open: day.open, close: day.close };
    return undefined;
  });
  return hours.every((day) => day !== undefined) ? (hours as TWorkingHours[]) : null;
}

type TRawConfig = {
  calendar: { target_minutes: number; time_zone: string; hours: unknown } | null;
  branches: Array<{ branch_code: string; target_minutes: number; time_zone: string | null }> | null;
  holidays: Array<{ id: string; day: string; name: string; branch_code: string | null }> | null;
};

/**
 * The settings in one statement (the intake reads them for every enrollment, the queue for every
 * page): all of them, or (`branchCode`) only what that branch's due time needs.
 */
export async function readSlaConfig(db: TDb, options: { branchCode?: string | null } = {}): Promise<TSlaConfig> {
  const only = options.branchCode !== undefined;
  const branch = options.branchCode ?? null;
  const [raw] = await db.$queryRaw<TRawConfig[]>`
    SELECT
      (SELECT json_build_object('target_minutes', target_minutes, 'time_zone', time_zone, 'hours', hours) FROM sla_calendar WHERE id = 1) AS calendar,
      (SELECT json_agg(json_build_object('branch_code', branch_code, 'target_minutes', target_minutes, 'time_zone', time_zone) ORDER BY branch_code)
         FROM sla_branch_targets WHERE NOT ${only} OR branch_code = ${branch}) AS branches,
      (SELECT json_agg(json_build_object('id', id, 'day', day, 'name', name, 'branch_code', branch_code) ORDER BY day, name)
         FROM sla_holidays WHERE NOT ${only} OR branch_code IS NULL OR branch_code = ${branch}) AS holidays`;
  return toSlaConfig(raw?.calendar ?? null, raw?.branches ?? [], raw?.holidays ?? []);
}

/** The settings from their rows (absent calendar: the defaults). */
export function toSlaConfig(calendar: TRawConfig["calendar"], branches: NonNullable<TRawConfig["branches"]>, holidays: NonNullable<TRawConfig["holidays"]>): TSlaConfig {
  return {
    targetMinutes: calendar?.target_minutes ?? SLA_DEFAULTS.targetMinutes,
    timeZone: calendar?.time_zone ?? SLA_DEFAULTS.timeZone,
    hours: parseHours(calendar?.hours) ?? SLA_DEFAULTS.hours,
    holidays: holidays.map((row) => ({ id: row.id, day: row.day.slice(0, 10), name: row.name, branchCode: row.branch_code })),
    branches: branches.map((row) => ({ branchCode: row.branch_code, targetMinutes: row.target_minutes, timeZone: row.time_zone })),
    saved: calendar !== null,
  };
}

/**
 * The settings as the intake reads them, for every enrollment: remembered for a few seconds in the
 * process, so an intake costs no extra statement. A change made in this process forgets them at
 * once (forgetSlaConfig); other processes may use the old ones for up to CACHE_MS, which is why the
 * recomputation a change queues runs only after that (SLA_RECOMPUTE_DELAY_S in lib/sla/jobs.ts).
 */
export const SLA_CONFIG_CACHE_MS = 5_000;
let cached: { config: TSlaConfig; until: number } | null = null;

export async function readSlaConfigCached(db: TDb): Promise<TSlaConfig> {
  const now = Date.now();
  if (cached && cached.until > now) return cached.config;
  const config = await readSlaConfig(db);
  cached = { config, until: now + SLA_CONFIG_CACHE_MS };
  return config;
}

export function forgetSlaConfig(): void {
  cached = null;
}

/** A branch's calendar (its zone, the shared hours, the holidays of every branch and its own) and target. */
export function branchSla(config: TSlaConfig, branchCode: string | null): { calendar: TBusinessCalendar; targetMinutes: number } {
  const own = branchCode === null ? undefined : config.branches.find((branch) => branch.branchCode === branchCode);
  const holidays = new Set(config.holidays.filter((holiday) => holiday.branchCode === null || holiday.branchCode === branchCode).map((holiday) => holiday.day));
  return {
    calendar: { timeZone: own?.timeZone ?? config.timeZone, hours: config.hours, holidays },
    targetMinutes: own?.targetMinutes ?? config.targetMinutes,
  };
}

/** When an enrollment of `branchCode` received at `receivedAt` is due. */
export function dueAtFor(config: TSlaConfig, branchCode: string | null, receivedAt: Date): Date {
  const { calendar, targetMinutes } = branchSla(config, branchCode);
  return addBusinessMinutes(receivedAt, targetMinutes, calendar);
}
