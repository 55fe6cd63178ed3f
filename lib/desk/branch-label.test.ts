import { describe, expect, it } from "vitest";
import { branchLabel } from "./branch-label";

describe("branchLabel", () => {
  it("names a branch by code and name, or what it has", () => {
    expect(branchLabel({ code: "01", name: "Centro" })).toBe("01 · Centro");
    expect(branchLabel({ code: "01", name: null })).toBe("01");
    expect(branchLabel({ code: null, name: "Centro" })).toBe("Centro");
    expect(branchLabel({ code: null, name: null })).toBeNull();
  });
});
