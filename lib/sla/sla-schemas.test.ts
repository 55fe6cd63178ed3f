import { describe, expect, it } from "vitest";
import { clockToMinutes, minutesToClock, ZSlaBranchTargetInput, ZSlaCalendarInput, ZSlaHolidayInput } from "@/lib/sla/sla-schemas";

const week = (worked: boolean[]) => worked.map((on) => ({ worked: on, open: "09:00", close: "17:00" }));
/** Each field's problems once, as [path, message]. */
const issues = (result: { success: boolean; error?: { issues: Array<{ message: string; path: PropertyKey[] }> } }) =>
  [...new Set(result.error?.issues.map((issue) => `${issue.path.join(".")}=${issue.message}`) ?? [])].map((entry) => entry.split("="));

describe("the review SLA's settings", () => {
  it("takes a target in quarter hours, an IANA zone and a week with a working day", () => {
    expect(ZSlaCalendarInput.safeParse({ targetHours: "4.5", timeZone: "Europe/Madrid", days: week([false, true, true, true, true, true, false]) }).success).toBe(true);
  });

  it("names the field of each problem by its key (the form shows its label)", () => {
    expect(issues(ZSlaCalendarInput.safeParse({ targetHours: "0.1", timeZone: "Nowhere/City", days: week(Array(7).fill(false)) }))).toEqual([
      ["targetHours", "targetHours"],
      ["timeZone", "timeZone"],
      ["days", "noWorkingDay"],
    ]);
    const closesFirst = week([true, true, true, true, true, true, true]).map((day, i) => (i === 2 ? { ...day, close: "08:00" } : day));
    expect(issues(ZSlaCalendarInput.safeParse({ targetHours: 4, timeZone: "UTC", days: closesFirst }))).toEqual([["days.2.close", "hours"]]);
    expect(issues(ZSlaBranchTargetInput.safeParse({ branchCode: " ", targetHours: 201, timeZone: "" }))).toEqual([
      ["branchCode", "branchCode"],
      ["targetHours", "targetHours"],
    ]);
    expect(issues(ZSlaHolidayInput.safeParse({ day: "2026-02-30", name: "", branchCode: "" }))).toEqual([
      ["day", "day"],
      ["name", "name"],
    ]);
  });

  it("reads and writes clock times", () => {
    expect(clockToMinutes("09:30")).toBe(570);
    expect(minutesToClock(570)).toBe("09:30");
    expect(minutesToClock(24 * 60)).toBe("24:00");
  });
});
