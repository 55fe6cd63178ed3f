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
});

it("knows IANA zones", () => {
  expect(isTimeZone("Europe/Madrid")).toBe(true);
  expect(isTimeZone("Mars/Olympus")).toBe(false);
});
