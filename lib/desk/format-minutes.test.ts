import { describe, expect, it } from "vitest";
import { formatMinutes } from "@/lib/desk/format-minutes";

describe("formatMinutes", () => {
  it("writes minutes, hours and days as people read them", () => {
    expect(formatMinutes(null)).toBe("—");
    expect(formatMinutes(45.4)).toBe("45 min");
    expect(formatMinutes(185)).toBe("3 h 05 min");
    expect(formatMinutes(60 * 52)).toBe("2 d 4 h");
  });
});
