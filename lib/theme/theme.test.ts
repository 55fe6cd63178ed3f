import { describe, expect, it } from "vitest";
import { themeClass, themeFrom } from "./theme";

describe("theme cookie", () => {
  it("reads light and dark, and anything else as the system's", () => {
    expect(themeFrom("dark")).toBe("dark");
    expect(themeFrom("light")).toBe("light");
    expect(themeFrom("system")).toBe("system");
    expect(themeFrom(undefined)).toBe("system");
    expect(themeFrom("dark; injected")).toBe("system");
  });
  it("puts a class on <html> only for a chosen theme", () => {
    expect(themeClass("dark")).toBe("dark");
    expect(themeClass("light")).toBe("light");
    expect(themeClass("system")).toBeUndefined();
  });
});
