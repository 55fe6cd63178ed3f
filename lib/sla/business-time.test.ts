import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutesBetween, isTimeZone, WEEKDAYS_NINE_TO_FIVE, type TBusinessCalendar } from "@/lib/sla/business-time";

const calendar = (timeZone: string, holidays: string[] = []): TBusinessCalendar => ({ timeZone, hours: WEEKDAYS_NINE_TO_FIVE, holidays: new Set(holidays) });
const santoDomingo = calendar("America/Santo_Domingo"); // UTC-4, no DST
const at = (iso: string) => new Date(iso);

describe("addBusinessMinutes", () => {
  it("counts inside the same working day", () => {
    // Tuesday 10:00 local = 14:00Z
    expect(addBusinessMinutes(at("2026-12-01T14:00:00Z"), 240, santoDomingo).toISOString()).toBe("2026-12-01T18:00:00.000Z");
  });

  it("carries over a weekend: Friday 16:00 + 4 h is Monday 12:00", () => {
    expect(addBusinessMinutes(at("2026-12-04T20:00:00Z"), 240, santoDomingo).toISOString()).toBe("2026-12-07T16:00:00.000Z");
  });

  it("skips a holiday", () => {
    const withHoliday = calendar("America/Santo_Domingo", ["2026-12-07"]);
    expect(addBusinessMinutes(at("2026-12-04T20:00:00Z"), 240, withHoliday).toISOString()).toBe("2026-12-08T16:00:00.000Z");
  });

  it("starts a night arrival at the next opening", () => {
    // Tuesday 23:30 local → Wednesday 09:00 + 30 min
    expect(addBusinessMinutes(at("2026-12-02T03:30:00Z"), 30, santoDomingo).toISOString()).toBe("2026-12-02T13:30:00.000Z");
    // Saturday → Monday's opening
    expect(addBusinessMinutes(at("2026-12-05T15:00:00Z"), 0, santoDomingo).toISOString()).toBe("2026-12-07T13:00:00.000Z");
  });

  it("spans several days for a target longer than one day", () => {
    // 20 h from Monday 09:00: Mon 8 + Tue 8 + Wed 4 → Wednesday 13:00
    expect(addBusinessMinutes(at("2026-12-07T13:00:00Z"), 20 * 60, santoDomingo).toISOString()).toBe("2026-12-09T17:00:00.000Z");
  });

  it("follows the zone's DST change", () => {
    const madrid = calendar("Europe/Madrid");
    // Friday 2026-03-27 16:00 CET (15:00Z) + 2 h → Monday 2026-03-30 10:00 CEST (08:00Z): the offset moved by an hour
    expect(addBusinessMinutes(at("2026-03-27T15:00:00Z"), 120, madrid).toISOString()).toBe("2026-03-30T08:00:00.000Z");
    // a working day that itself contains the change (a Sunday made a working day)
    const sundays = { ...madrid, hours: WEEKDAYS_NINE_TO_FIVE.map((hours, day) => (day === 0 ? { open: 0, close: 24 * 60 } : hours)) };
    // Sunday 2026-03-29 is 23 hours long in Madrid
    expect(businessMinutesBetween(at("2026-03-28T23:00:00Z"), at("2026-03-29T22:00:00Z"), sundays)).toBe(23 * 60);
  });

  it("refuses a calendar without working hours", () => {
    expect(() => addBusinessMinutes(at("2026-12-01T14:00:00Z"), 60, { ...santoDomingo, hours: Array(7).fill(null) })).toThrow(/no working hours/);
  });
});

describe("businessMinutesBetween", () => {
  it("is the inverse of addBusinessMinutes across a weekend and a holiday", () => {
    const withHoliday = calendar("America/Santo_Domingo", ["2026-12-07"]);
    const start = at("2026-12-04T20:00:00Z");
    const due = addBusinessMinutes(start, 250, withHoliday);
    expect(businessMinutesBetween(start, due, withHoliday)).toBe(250);
  });

  it("is negative when overdue, counting only working time", () => {
    // due Friday 16:00, now Monday 10:00: 1 h Friday + 1 h Monday
    expect(businessMinutesBetween(at("2026-12-07T14:00:00Z"), at("2026-12-04T20:00:00Z"), santoDomingo)).toBe(-120);
  });

  it("counts nothing over a night", () => {
    expect(businessMinutesBetween(at("2026-12-01T22:00:00Z"), at("2026-12-02T12:00:00Z"), santoDomingo)).toBe(0);
  });

  it("counts months and years (across holidays and daylight saving) as a quarter-hour count does", () => {
    // The reference: every quarter of an hour between the two instants, worked when its local
    // time is within the weekday's hours and its local date no holiday. Independent of the
    // running totals (and of the day windows) the function reads.
    const QUARTER = 15 * 60_000;
    const formats = new Map<string, Intl.DateTimeFormat>();
    const format = (timeZone: string) =>
      formats.get(timeZone) ??
      formats
        .set(timeZone, new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", weekday: "short" }))
        .get(timeZone)!;
    const worked = (instant: number, zone: TBusinessCalendar) => {
      const parts = Object.fromEntries(format(zone.timeZone).formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
      const hours = zone.hours[["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday!)];
      const minutes = Number(parts.hour) * 60 + Number(parts.minute);
      return hours !== null && hours !== undefined && minutes >= hours.open && minutes < hours.close && !zone.holidays.has(`${parts.year}-${parts.month}-${parts.day}`);
    };
    const reference = (a: number, b: number, zone: TBusinessCalendar) => {
      let quarters = 0;
      for (let t = Math.min(a, b); t < Math.max(a, b); t += QUARTER) if (worked(t, zone)) quarters++;
      return Math.sign(b - a) * quarters * 15;
    };
    const zones = [
      calendar("America/Santo_Domingo", ["2026-01-01", "2026-02-27", "2026-12-25", "2027-01-01"]),
      calendar("America/New_York", ["2026-07-03", "2026-11-26"]), // DST: March 8 and November 1, 2026
      calendar("Europe/Madrid", ["2026-10-12"]),
    ];
    // a seeded walk: the same intervals every run, from a day to 400 days, either way, in an order
    // that makes the running totals grow backwards and forwards
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const origin = Date.UTC(2026, 5, 1);
    for (let i = 0; i < 12; i++) {
      const zone = zones[i % zones.length]!;
      const a = origin + Math.round((next() - 0.5) * 200 * 96) * QUARTER;
      const b = a + Math.round((next() - 0.3) * 400 * 96) * QUARTER;
      expect(businessMinutesBetween(new Date(a), new Date(b), zone), `${zone.timeZone} ${new Date(a).toISOString()} → ${new Date(b).toISOString()}`).toBe(reference(a, b, zone));
    }
  });
});

it("knows IANA zones", () => {
  expect(isTimeZone("Europe/Madrid")).toBe(true);
  expect(isTimeZone("Mars/Olympus")).toBe(false);
});
