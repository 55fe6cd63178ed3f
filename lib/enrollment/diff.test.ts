import { describe, expect, it } from "vitest";
import { changeDisplay, changedPaths, diffValues } from "@/lib/enrollment/diff";

describe("diffValues", () => {
  it("reports changed, added and removed leaves with old and new values", () => {
    const before = { a: { b: 1, c: "x" }, list: [{ n: "1" }, { n: "2" }] };
    const after = { a: { b: 2, d: true }, list: [{ n: "1" }] };
    expect(diffValues(before, after, "s")).toEqual([
      { path: "s.a.b", old: 1, new: 2 },
      { path: "s.a.c", old: "x", new: null },
      { path: "s.a.d", old: null, new: true },
      { path: "s.list.1", old: { n: "2" }, new: null },
    ]);
  });

  it("treats missing, null and empty string as the same no-value", () => {
    expect(diffValues({ a: null, b: "" }, { b: null, c: "" })).toEqual([]);
    expect(diffValues({ a: null }, { a: 0 })).toEqual([{ path: "a", old: null, new: 0 }]);
  });

  it("finds nothing between equal payloads and keeps only paths for the audit", () => {
    expect(diffValues({ x: [1, { y: 2 }] }, { x: [1, { y: 2 }] })).toEqual([]);
    expect(changedPaths(diffValues({ x: 1, y: 2 }, { x: 3, y: 2 }))).toEqual(["x"]);
  });
});

describe("changeDisplay", () => {
  it("says the kind of each value when only the type changed, not '4000 → 4000'", () => {
    expect(changeDisplay({ path: "client_job_info.salary", old: "4000", new: 4000 })).toEqual({ old: "4000", new: "4000", kinds: ["text", "number"] });
    expect(changeDisplay({ path: "x", old: "true", new: true })).toEqual({ old: "true", new: "true", kinds: ["text", "yesNo"] });
  });
  it("shows values alone when they read differently, and no value as —", () => {
    expect(changeDisplay({ path: "x", old: 4000, new: 4500 })).toEqual({ old: "4000", new: "4500", kinds: null });
    expect(changeDisplay({ path: "x", old: null, new: "a" })).toEqual({ old: "—", new: "a", kinds: null });
    expect(changeDisplay({ path: "x", old: ["a"], new: { 0: "a" } })).toEqual({ old: '["a"]', new: '{"0":"a"}', kinds: null });
  });
});
