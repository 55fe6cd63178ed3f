import { expect, it } from "vitest";
import { forwardedFor } from "./forwarded-for";

it("takes the first address the proxies report, from a header or node's repeated-header array", () => {
  expect(forwardedFor("203.0.113.7, 10.0.0.1")).toBe("203.0.113.7");
  expect(forwardedFor(" 203.0.113.7 ")).toBe("203.0.113.7");
  expect(forwardedFor(["198.51.100.2, 10.0.0.1", "10.0.0.2"])).toBe("198.51.100.2");
  expect(forwardedFor(null)).toBeNull();
  expect(forwardedFor(undefined)).toBeNull();
});
