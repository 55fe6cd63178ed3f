import { describe, expect, it } from "vitest";
import { relatedClientProblem, relatedClientSummary, type TRelatedClientMatch } from "./related-client";

const enrollment = (customerNumber: string | null): TRelatedClientMatch => ({
  kind: "enrollment",
  enrollment: {
    id: "0195f0c2-0000-7000-8000-000000000001",
    fullName: "LUIS ALEJANDRO HOLDER",
    wisenrollCode: "K9ZW56",
    mainDocType: "SSN",
    mainDocMasked: "••••0001",
    mainDocCountry: "US",
    otherBranch: false,
    status: customerNumber ? "pushed" : "received",
    customerNumber,
  },
});

describe("related client problems", () => {
  it("refuses, on the field concerned, a code nobody has, the enrollment itself and a code of another customer", () => {
    expect(relatedClientProblem({ kind: "unknown_code" }, true)).toEqual({ field: "relatedWisenrollCode", message: "no enrollment has this wisenroll code" });
    expect(relatedClientProblem({ kind: "self", by: "code" }, false)).toEqual({ field: "relatedWisenrollCode", message: "this is the enrollment being pushed" });
    expect(relatedClientProblem({ kind: "self", by: "number" }, false)?.field).toBe("customerNumber");
    expect(relatedClientProblem({ kind: "other_customer", customerNumber: "100234" }, true)).toEqual({
      field: "customerNumber",
      message: "the enrollment with this wisenroll code is customer 100234",
    });
  });

  it("lets a customer number the console never saw go only once the officer confirmed it", () => {
    const unknown: TRelatedClientMatch = { kind: "unknown_customer", customerNumber: "100999" };
    expect(relatedClientProblem(unknown, false)?.field).toBe("customerNumber");
    expect(relatedClientProblem(unknown, true)).toBeNull();
    expect(relatedClientProblem(enrollment("100234"), false)).toBeNull();
    expect(relatedClientProblem({ kind: "none" }, false)).toBeNull();
  });
});

describe("related client summary (the push confirmation)", () => {
  it("names a core customer by name, masked document and number", () => {
    expect(relatedClientSummary({ customerNumber: 100234, mainDocument: null }, enrollment("100234"))).toEqual({
      name: "LUIS ALEJANDRO HOLDER",
      document: { type: "SSN", masked: "••••0001", country: "US" },
      customer: { kind: "number", number: "100234" },
    });
  });

  it("says an enrollment not in the core yet goes with this request, with the document the form gives masked", () => {
    const summary = relatedClientSummary(
      { customerNumber: null, mainDocument: { documentTypeCode: "DL", documentNumber: "M1112333999", issuingCountryCode: "US" } },
      enrollment(null),
    );
    expect(summary).toEqual({ name: "LUIS ALEJANDRO HOLDER", document: { type: "DL", masked: "••••3999", country: "US" }, customer: { kind: "with_request" } });
    expect(JSON.stringify(summary)).not.toContain("M1112333999");
  });

  it("marks a customer number the console never saw as confirmed by the officer", () => {
    expect(relatedClientSummary({ customerNumber: "100999", mainDocument: null }, { kind: "unknown_customer", customerNumber: "100999" })).toEqual({
      name: null,
      document: null,
      customer: { kind: "confirmed_unknown", number: "100999" },
    });
  });
});
