import { describe, expect, it } from "vitest";
import { dayRangeProblem, withoutReversedRange } from "./day-range";

describe("dayRangeProblem", () => {
  it("accepts an open, a one-day and an ordered range", () => {
    expect(dayRangeProblem({})).toBeNull();
    expect(dayRangeProblem({ from: "2026-01-05" })).toBeNull();
    expect(dayRangeProblem({ from: "2026-01-05", to: "2026-01-05" })).toBeNull();
    expect(dayRangeProblem({ from: "2025-12-31", to: "2026-01-01" })).toBeNull();
  });

  it("refuses a day that is not a real YYYY-MM-DD date, naming its field", () => {
    expect(dayRangeProblem({ from: "05/01/2026" })).toEqual({ field: "from", problem: "day" });
    expect(dayRangeProblem({ from: "2026-01-01", to: "2026-02-30" })).toEqual({ field: "to", problem: "day" });
  });

  it("refuses a from after the to, on the from field", () => {
    expect(dayRangeProblem({ from: "2026-02-01", to: "2026-01-31" })).toEqual({ field: "from", problem: "reversed" });
  });

  it("drops a reversed range from filters rather than listing nothing", () => {
    expect(withoutReversedRange({ status: "ready", from: "2026-02-01", to: "2026-01-31" })).toEqual({ status: "ready", from: undefined, to: undefined });
    expect(withoutReversedRange({ from: "2026-01-01", to: "2026-01-31" })).toEqual({ from: "2026-01-01", to: "2026-01-31" });
  });
});
