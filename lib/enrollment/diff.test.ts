import { describe, expect, it } from "vitest";
import { changedPaths, diffValues } from "@/lib/enrollment/diff";

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
