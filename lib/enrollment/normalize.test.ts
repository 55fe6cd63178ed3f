import { describe, it, expect } from "vitest";
import { normalizeEnrollment } from "./normalize";
import { at, seedExample } from "./test-fixtures";

const withBankReference = (reference: Record<string, unknown>, key = "first_bank_reference") => {
  const body = seedExample(1);
  at(body, "client_references")[key] = reference;
  return body;
};

describe("normalizeEnrollment", () => {
  it("maps the misspelled acount_type_description to account_type_description", () => {
    const out = normalizeEnrollment(withBankReference({ bank_name: "WELLS FARGO", acount_type_description: "Corriente" }));
    expect(at(out, "client_references", "first_bank_reference")).toStrictEqual({ bank_name: "WELLS FARGO", account_type_description: "Corriente" });
  });
  it("does the same in the second bank reference", () => {
    const out = normalizeEnrollment(withBankReference({ acount_type_description: "Ahorros" }, "second_bank_reference"));
    expect(at(out, "client_references", "second_bank_reference")).toStrictEqual({ account_type_description: "Ahorros" });
  });
  it("keeps the canonical value when both are present", () => {
    const out = normalizeEnrollment(withBankReference({ account_type_description: "Ahorros", acount_type_description: "Corriente" }));
    expect(at(out, "client_references", "first_bank_reference")).toStrictEqual({ account_type_description: "Ahorros" });
  });
  it("an empty canonical key does not swallow the misspelled key's value", () => {
    const out = normalizeEnrollment(withBankReference({ account_type_description: null, acount_type_description: "Corriente" }));
    expect(at(out, "client_references", "first_bank_reference")).toStrictEqual({ account_type_description: "Corriente" });
  });
  it("carries an empty misspelled value over as it was", () => {
    const out = normalizeEnrollment(withBankReference({ acount_type_description: null }));
    expect(at(out, "client_references", "first_bank_reference")).toStrictEqual({ account_type_description: null });
  });
  it("touches nothing else: seed examples, nulls, empties and other references come back equal", () => {
    for (const n of [1, 2, 3] as const) expect(normalizeEnrollment(seedExample(n))).toStrictEqual(seedExample(n));
    const body = seedExample(1);
    Object.assign(at(body, "client_info"), { middle_name: null, nickname: "" });
    at(body, "client_references", "first_personal_reference").acount_type_description = "kept";
    expect(normalizeEnrollment(body)).toStrictEqual(body);
  });
  it("returns a deep copy and leaves its input alone", () => {
    const body = withBankReference({ acount_type_description: "Corriente" });
    const before = structuredClone(body);
    const out = normalizeEnrollment(body);
    expect(body).toStrictEqual(before);
    at(out, "client_info").first_name = "CHANGED";
    expect(at(body, "client_info").first_name).toBe("LUIS");
  });
  it("tolerates bodies without references", () => {
    expect(normalizeEnrollment({ client_references: null, x: 1 })).toStrictEqual({ client_references: null, x: 1 });
  });
});
