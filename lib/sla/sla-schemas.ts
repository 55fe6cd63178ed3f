// The review SLA's settings as admins edit them, shared by the forms and the server actions. Each
// issue's message is the field's key: the form shows it by the field's label in the reader's language.
import { z } from "zod";
import { isTimeZone } from "@/lib/sla/business-time";

/** Hours and quarters: 0.25 h to 200 working hours. */
export const ZTargetHours = z.coerce.number({ error: "targetHours" }).min(0.25, { error: "targetHours" }).max(200, { error: "targetHours" }).multipleOf(0.25, { error: "targetHours" });

export const ZTimeZone = z.string().trim().min(1, { error: "timeZone" }).max(64, { error: "timeZone" }).refine(isTimeZone, { error: "timeZone" });

const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: "hours" });

export const ZWorkingDay = z
  .object({ worked: z.boolean(), open: ZClock, close: ZClock })
  .refine((day) => !day.worked || day.close > day.open, { error: "hours", path: ["close"] });

export const ZSlaCalendarInput = z.object({
  targetHours: ZTargetHours,
  timeZone: ZTimeZone,
  /** Sunday first. */
  days: z.array(ZWorkingDay).length(7).refine((days) => days.some((day) => day.worked), { error: "noWorkingDay" }),
});
export type TSlaCalendarInput = z.infer<typeof ZSlaCalendarInput>;

export const ZBranchCode = z.string().trim().min(1, { error: "branchCode" }).max(40, { error: "branchCode" });

export const ZSlaBranchTargetInput = z.object({
  branchCode: ZBranchCode,
  targetHours: ZTargetHours,
  /** Empty: the calendar's zone. */
  timeZone: z.union([z.literal(""), ZTimeZone]),
});
export type TSlaBranchTargetInput = z.infer<typeof ZSlaBranchTargetInput>;

export const ZSlaHolidayInput = z.object({
  day: z.iso.date({ error: "day" }),
  name: z.string().trim().min(1, { error: "name" }).max(120, { error: "name" }),
  /** Empty: every branch. */
  branchCode: z.union([z.literal(""), ZBranchCode]),
});
export type TSlaHolidayInput = z.infer<typeof ZSlaHolidayInput>;

export const ZRemoveSlaBranchTarget = z.object({ branchCode: ZBranchCode });
export const ZRemoveSlaHoliday = z.object({ id: z.uuid() });

/** "09:30" → 570. */
export const clockToMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
/** 570 → "09:30". */
export const minutesToClock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
