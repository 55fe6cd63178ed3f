import { describe, expect, it } from "vitest";
import { restartDelay } from "./supervised-process";

describe("restart back-off", () => {
  it("starts again at once after a healthy run, then doubles the pause up to the cap", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => restartDelay(n, 1_000, 30_000))).toEqual([0, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });
});
