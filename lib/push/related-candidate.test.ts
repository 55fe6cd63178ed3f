import { describe, expect, it } from "vitest";
import { emptyRelated, pushFormSchema } from "./push-form-values";
import { pickedRelated, ZRelatedSearch } from "./related-candidate";

describe("related-client picker", () => {
  it("names a pushed enrollment by its core customer number", () => {
    expect(pickedRelated({ customerNumber: "100002", wisenrollCode: "K9ZW56" })).toEqual({ customerNumber: "100002", relatedWisenrollCode: "" });
    expect(pickedRelated({ customerNumber: "7", wisenrollCode: null })).toEqual({ customerNumber: "7", relatedWisenrollCode: "" });
  });

  it("names an enrollment not pushed yet by its wisenroll code, which the push resolves", () => {
    expect(pickedRelated({ customerNumber: null, wisenrollCode: "K9ZW56" })).toEqual({ customerNumber: "", relatedWisenrollCode: "K9ZW56" });
  });

  it("offers nothing to fill when the enrollment can be named neither way", () => {
    expect(pickedRelated({ customerNumber: null, wisenrollCode: null })).toBeNull();
    // the push takes a 6-character code only
    expect(pickedRelated({ customerNumber: null, wisenrollCode: "TOO-LONG-CODE" })).toBeNull();
    expect(pickedRelated({ customerNumber: "0", wisenrollCode: null })).toBeNull();
  });

  it("fills a row the push form's schema accepts, and that says the same as the pick", () => {
    const schema = pushFormSchema(["AH01"]);
    for (const [candidate, expected] of [
      [{ customerNumber: "100002", wisenrollCode: "K9ZW56" }, { customerNumber: 100002, relatedWisenrollCode: null }],
      [{ customerNumber: null, wisenrollCode: "K9ZW56" }, { customerNumber: null, relatedWisenrollCode: "K9ZW56" }],
    ] as const) {
      const row = { ...emptyRelated(), ...pickedRelated(candidate) };
      const parsed = schema.safeParse({ products: [{ productCode: "AH01", openDate: "2026-11-21", related: [row] }] });
      expect(parsed.success && parsed.data.products[0]!.related[0]).toMatchObject(expected);
    }
  });

  it("searches with 2 to 100 characters, trimmed", () => {
    expect(ZRelatedSearch.safeParse({ q: "  ma  " }).data).toEqual({ q: "ma" });
    expect(ZRelatedSearch.safeParse({ q: " m " }).success).toBe(false);
    expect(ZRelatedSearch.safeParse({ q: "x".repeat(101) }).success).toBe(false);
    expect(ZRelatedSearch.safeParse({}).success).toBe(false);
  });
});
