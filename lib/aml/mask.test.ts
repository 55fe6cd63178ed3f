import { describe, expect, it } from "vitest";
import { readFixture } from "@/lib/integrations/test-helpers";
import { blindIndex } from "@/lib/crypto/pii";
import type { TReason } from "@/lib/reasons/reason";
import { identityValues, indexedNumber, knownNumbers, maskChange, maskDocumentNumbers, maskJsonText, maskNumbersIn, maskReason } from "./mask";

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

describe("numbers echoed inside the core's and AMLYZE's words", () => {
  const isKnown = knownNumbers(identityValues(readFixture(1)));

  it("collects every identity value of a document", () => {
    expect(identityValues(readFixture(1)).sort()).toEqual(["111110001", "2132322355", "556699130", "78986888668", "788888888", "9987441111", "99914470141", "M1112333999"].sort());
  });

  it("masks a known number however it is written, and nothing else", () => {
    expect(maskNumbersIn("Documento M-111.233/3999 bloqueado (cliente 100001).", isKnown)).toBe("Documento ••••••••3999 bloqueado (cliente 100001).");
    expect(maskNumbersIn('{"message":"nationalCode=111110001 is blocked"}', isKnown)).toBe('{"message":"nationalCode=•••••0001 is blocked"}');
    expect(maskNumbersIn("HTTP 500: Internal Server Error", isKnown)).toBe("HTTP 500: Internal Server Error");
    expect(maskNumbersIn("111110001", knownNumbers([]))).toBe("111110001");
  });

  it("finds the main document through its blind index, without knowing it", () => {
    const matcher = indexedNumber(blindIndex("001-1234567-8"));
    expect(maskNumbersIn("C001: nationalCode 00112345678 is on a list", matcher)).toBe("C001: nationalCode •••••••5678 is on a list");
    expect(maskNumbersIn("C001: nationalCode 00112345678 is on a list", indexedNumber(null))).toBe("C001: nationalCode 00112345678 is on a list");
  });

  it("masks inside a reason's parameters, keeping our codes and its shape", () => {
    const reason: TReason = {
      code: "aml.attempt_failed",
      attempt: 1,
      cause: { code: "http.amlyze_error", status: 500, detail: "screening failed for 111110001" },
    };
    expect(maskReason(reason, isKnown)).toEqual({ ...reason, cause: { code: "http.amlyze_error", status: 500, detail: "screening failed for •••••0001" } });
    const errors: TReason = { code: "amlyze.errors", errors: [{ code: "111110001", message: "blocked 111110001" }] };
    expect(maskReason(errors, isKnown)).toEqual({ code: "amlyze.errors", errors: [{ code: "•••••0001", message: "blocked •••••0001" }] });
    expect(maskReason(null, isKnown)).toBeNull();
  });
});
