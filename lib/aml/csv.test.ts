import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("csvCell", () => {
  it("neutralises formulas: = + - @ tab and CR get a leading apostrophe", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\rcmd")).toBe("\"'\rcmd\"");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("quotes commas, quotes, line breaks and edge spaces; leaves the rest alone", () => {
    expect(csvCell("MARTINEZ, LUIS")).toBe('"MARTINEZ, LUIS"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(csvCell("PEÑA")).toBe("PEÑA");
  });

  it("writes numbers, booleans, dates and empties plainly (a negative number is data, not a formula)", () => {
    expect(csvCell(-1)).toBe("-1");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(new Date("2026-11-21T10:00:00Z"))).toBe("2026-11-21T10:00:00.000Z");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("rows end in CRLF", () => {
    expect(csvRow(["a", 1, null, "=x"])).toBe("a,1,,'=x\r\n");
  });
});
