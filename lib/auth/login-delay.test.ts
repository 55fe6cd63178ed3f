import { expect, it } from "vitest";
import { delayAfter } from "./login-delay";

it("is free for the first failures, then doubles up to the ceiling", () => {
  const policy = { freeFailures: 3, firstDelayMs: 1_000, maxDelayMs: 10_000, forgetAfterMs: 60_000 };
  expect([1, 3, 4, 5, 6, 7, 8, 1_000].map((failures) => delayAfter(failures, policy))).toEqual([0, 0, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
});
