import { describe, expect, it } from "vitest";
import { findUnstorableJson } from "./unstorable-json";

describe("findUnstorableJson", () => {
  it("names NUL characters and lone surrogates in values and keys, in document order", () => {
    const value = { a: ["ok", "x\u0000"], ["k\u0000"]: { b: "\udc00" }, c: "🙂 é" };
    expect(findUnstorableJson(value)).toEqual([
      { path: ["a", "1"], message: "must not contain the NUL character (\\u0000)" },
      { path: ["k\u0000"], message: "key must not contain the NUL character (\\u0000)" },
      { path: ["k\u0000", "b"], message: "must be valid Unicode text" },
    ]);
  });

  it("stops at the depth limit without walking further, however deep the value (no recursion)", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 300_000; i += 1) deep = [deep];
    expect(findUnstorableJson(deep, 3)).toEqual([{ path: ["0", "0", "0"], message: "nested deeper than 3 levels" }]);
    expect(findUnstorableJson([[["\u0000"]]], 3)).toEqual([{ path: ["0", "0", "0"], message: "must not contain the NUL character (\\u0000)" }]);
  });

  it("reports at most 20 problems", () => {
    expect(findUnstorableJson(Array.from({ length: 50 }, () => "\u0000"))).toHaveLength(20);
  });
});
