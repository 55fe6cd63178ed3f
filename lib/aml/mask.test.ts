import { describe, expect, it } from "vitest";
import { readFixture } from "@/lib/integrations/test-helpers";
import { maskChange, maskDocumentNumbers, maskJsonText } from "./mask";

describe("document number masking", () => {
  it("masks every document number of an enrollment and nothing else", () => {
    const fixture = readFixture(1);
    const masked = JSON.stringify(maskDocumentNumbers(fixture));
    for (const number of ["M1112333999", "2132322355", "9987441111", "99914470141", "111110001"]) expect(masked).not.toContain(number);
    expect(masked).toContain("•••••0001");
    expect(masked).toContain("MARTINEZ");
  });

  it("masks AMLYZE's nationalCode in a recorded body and keeps non-JSON text", () => {
    expect(maskJsonText('{"nationalCode":"111110001","firstName":"LUIS"}')).toBe('{\n  "nationalCode": "•••••0001",\n  "firstName": "LUIS"\n}');
    expect(maskJsonText("<html>")).toBe("<html>");
    expect(maskJsonText(null)).toBeNull();
  });

  it("masks diff values by path and inside added objects", () => {
    expect(maskChange({ path: "client_documents.0.document_number", old: "123456789", new: "987654321" })).toEqual({
      path: "client_documents.0.document_number",
      old: "•••••6789",
      new: "•••••4321",
    });
    expect(maskChange({ path: "client_documents.1", old: null, new: { document_number: "555566667777", main: 0 } })).toEqual({
      path: "client_documents.1",
      old: null,
      new: { document_number: "••••••••7777", main: 0 },
    });
  });
});
