// The date filters of the queue, the AML queue and the audit log: calendar days written as the
// forms write them (YYYY-MM-DD, whatever the language), "from" and "to" both included. One rule
// for all three: a day that is not a real date, or a "from" after the "to", is refused with a
// message naming the field, never turned into an empty list.
import { z } from "zod";

/** A calendar day, YYYY-MM-DD, that exists (2026-02-30 does not). */
export const ZDay = z.iso.date();

export type TDayRange = { from?: string; to?: string };

/** What is wrong with a range, and on which field: `day` (not a date) or `reversed` ("from" after "to"). */
export type TDayRangeProblem = { field: "from" | "to"; problem: "day" | "reversed" };

export function dayRangeProblem(range: TDayRange): TDayRangeProblem | null {
  for (const field of ["from", "to"] as const) {
    const value = range[field];
    if (value !== undefined && value !== "" && !ZDay.safeParse(value).success) return { field, problem: "day" };
  }
  // YYYY-MM-DD sorts as text in date order
  if (range.from && range.to && range.from > range.to) return { field: "from", problem: "reversed" };
  return null;
}

/** Filters without a range that holds no day: a URL asking for one lists as if it had no dates. */
export function withoutReversedRange<T extends TDayRange>(filters: T): T {
  return dayRangeProblem(filters)?.problem === "reversed" ? { ...filters, from: undefined, to: undefined } : filters;
}
