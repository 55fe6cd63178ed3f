// Business time: minutes that count only inside a calendar's working hours, in its time zone,
// skipping its holidays. Pure (no database, no clock): the due time at intake, its recomputation,
// the breach job and the queue's "time left" all read it. Marble counts an SLA in whole days from
// the case's creation; here a target is working minutes, so 4 h received on Friday at 16:00 is due
// on Monday at 12:00, and a holiday in between moves it a day further.

/** One weekday's working hours as minutes since local midnight; `null`: a day off. */
export type TWorkingHours = { open: number; close: number } | null;

export type TBusinessCalendar = {
  /** IANA time zone the hours and holidays are read in (e.g. `America/Santo_Domingo`). */
  timeZone: string;
  /** Index 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
  hours: readonly TWorkingHours[];
  /** Local dates (`YYYY-MM-DD`) that are not worked. */
  holidays: ReadonlySet<string>;
};

const MINUTE = 60_000;
/** No working minute within this many days: the calendar can never reach a due time. */
const MAX_DAYS_WITHOUT_WORK = 370;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

type TLocal = { day: number; minutes: number; ms: number };

/** The local calendar day (as days since 1970-01-01) and time of an instant in a zone. */
function toLocal(instant: number, timeZone: string): TLocal {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) + (instant % 1000);
  return { day: Math.floor(wall / 86_400_000), minutes: parts.hour! * 60 + parts.minute!, ms: wall - instant };
}

/** The instant at `minutes` past local midnight of `day` in the zone (a time skipped by DST lands after the gap). */
function toInstant(day: number, minutes: number, timeZone: string): number {
  const wall = day * 86_400_000 + minutes * MINUTE;
  const first = wall - toLocal(wall, timeZone).ms;
  const offset = toLocal(first, timeZone).ms;
  return wall - offset;
}

const dayKey = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const weekday = (day: number) => (day + 4) % 7; // 1970-01-01 was a Thursday

/**
 * A day's working window as instants, remembered: each costs four time-zone conversions, and the
 * queue reads the first and last days of 50 rows' time left at every refresh (the days between come
 * from the running totals below). Bounded: cleared when full.
 */
const windows = new Map<string, { open: number; close: number }>();
const MAX_WINDOWS = 50_000;

/** The day's working window as instants, or null on a day off or holiday. */
function windowOf(day: number, calendar: TBusinessCalendar): { open: number; close: number } | null {
  const hours = calendar.hours[weekday(day)];
  if (!hours || hours.close <= hours.open || calendar.holidays.has(dayKey(day))) return null;
  const key = `${calendar.timeZone}|${day}|${hours.open}|${hours.close}`;
  let window = windows.get(key);
  if (!window) {
    if (windows.size >= MAX_WINDOWS) windows.clear();
    window = { open: toInstant(day, hours.open, calendar.timeZone), close: toInstant(day, hours.close, calendar.timeZone) };
    windows.set(key, window);
  }
  return window;
}

/**
 * The instant `minutes` working minutes after `start`. A start outside working hours counts from
 * the next opening; a target that runs past closing goes on at the next working day's opening.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: TBusinessCalendar): Date {
  let remaining = Math.max(0, minutes) * MINUTE;
  const from = start.getTime();
  let day = toLocal(from, calendar.timeZone).day;
  for (let idle = 0; idle <= MAX_DAYS_WITHOUT_WORK; day++) {
    const window = windowOf(day, calendar);
    if (!window || window.close <= from) {
      idle++;
      continue;
    }
    idle = 0;
    const begin = Math.max(from, window.open);
    if (remaining <= window.close - begin) return new Date(begin + remaining);
    remaining -= window.close - begin;
  }
  throw new Error("The calendar has no working hours");
}

/**
 * Working milliseconds of whole days, as running totals per calendar: `before[i]` is the work of
 * days `first` … `first + i - 1`. A row overdue by a year is then two lookups, not a walk of 365
 * days on every render of the queue (50 rows, every few seconds). Built over the days asked for
 * (with room either side), rebuilt wider when a day falls outside; bounded: cleared when full.
 */
type TLedger = { first: number; before: Float64Array };
const ledgers = new Map<string, TLedger>();
const MAX_LEDGERS = 64;
/** Days added beyond what a rebuild is asked for, either side. */
const LEDGER_MARGIN = 64;

/** Everything of the calendar a day's work depends on. */
const calendarKeys = new WeakMap<TBusinessCalendar, string>();
function calendarKey(calendar: TBusinessCalendar): string {
  let key = calendarKeys.get(calendar);
  if (key === undefined) {
    key = JSON.stringify([calendar.timeZone, calendar.hours, [...calendar.holidays].sort()]);
    calendarKeys.set(calendar, key);
  }
  return key;
}

/** The work of days `from` … `to - 1` (working milliseconds), `from <= to`. */
function workOfDays(from: number, to: number, calendar: TBusinessCalendar): number {
  const key = calendarKey(calendar);
  let ledger = ledgers.get(key);
  if (!ledger || from < ledger.first || to > ledger.first + ledger.before.length - 1) {
    const first = Math.min(from, ledger?.first ?? from) - LEDGER_MARGIN;
    const end = Math.max(to, ledger ? ledger.first + ledger.before.length - 1 : to) + LEDGER_MARGIN;
    const before = new Float64Array(end - first + 1);
    for (let day = first; day < end; day++) {
      const window = windowOf(day, calendar);
      before[day - first + 1] = before[day - first]! + (window ? window.close - window.open : 0);
    }
    if (!ledgers.has(key) && ledgers.size >= MAX_LEDGERS) ledgers.clear();
    ledger = { first, before };
    ledgers.set(key, ledger);
  }
  return ledger.before[to - ledger.first]! - ledger.before[from - ledger.first]!;
}

/**
 * Working minutes from `a` to `b` (whole minutes, toward zero): the time left until a due time,
 * negative when `b` is before `a` (overdue by that much).
 */
export function businessMinutesBetween(a: Date, b: Date, calendar: TBusinessCalendar): number {
  if (b.getTime() < a.getTime()) return -businessMinutesBetween(b, a, calendar);
  const from = a.getTime();
  const to = b.getTime();
  const firstDay = toLocal(from, calendar.timeZone).day;
  const lastDay = toLocal(to, calendar.timeZone).day;
  // the first and last days in part, the whole days between from the running totals
  const partOf = (day: number) => {
    const window = windowOf(day, calendar);
    return window ? Math.max(0, Math.min(to, window.close) - Math.max(from, window.open)) : 0;
  };
  const total = firstDay === lastDay ? partOf(firstDay) : partOf(firstDay) + workOfDays(firstDay + 1, lastDay, calendar) + partOf(lastDay);
  return Math.floor(total / MINUTE);
}

/** Mon–Fri 09:00–17:00. */
export const WEEKDAYS_NINE_TO_FIVE: readonly TWorkingHours[] = [null, ...Array.from({ length: 5 }, () => ({ open: 9 * 60, close: 17 * 60 })), null];
