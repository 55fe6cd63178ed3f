import { describe, expect, it } from "vitest";
import { canonicalJson, parseIntake } from "@/lib/intake/parse-intake";

describe("parseIntake", () => {
  it("splits requested_products from the core payload", () => {
    const parsed = parseIntake(JSON.stringify({ client_info: { a: 1 }, requested_products: [{ product_code: "AH01" }] }));
    expect(parsed).toEqual({
      ok: true,
      body: { client_info: { a: 1 }, requested_products: [{ product_code: "AH01" }] },
      payload: { client_info: { a: 1 } },
      requestedProducts: [{ product_code: "AH01" }],
    });
  });

  it("names the problem for each kind of bad body", () => {
    expect(parseIntake("nope")).toMatchObject({ ok: false, errors: [{ path: "" }] });
    expect(parseIntake("null")).toEqual({ ok: false, errors: [{ path: "", message: "Body must be a JSON object" }] });
    expect(parseIntake("{}")).toMatchObject({ ok: false, errors: [{ path: "client_info", message: "client_info must be an object" }] });
    expect(parseIntake(JSON.stringify({ client_info: {}, requested_products: [{ product_code: "" }] }))).toMatchObject({
      ok: false,
      errors: [{ path: "requested_products.0.product_code" }],
    });
    expect(parseIntake(JSON.stringify({ client_info: {}, requested_products: [{ product_code: "AH01", open_date: "2026-13-01" }] }))).toMatchObject({
      ok: false,
      errors: [{ path: "requested_products.0.open_date" }],
    });
  });

  it("keeps keys it does not know", () => {
    const parsed = parseIntake(JSON.stringify({ client_info: { bonding_type: "NI" }, extra: { x: 1 } }));
    expect(parsed.ok && parsed.payload).toEqual({ client_info: { bonding_type: "NI" }, extra: { x: 1 } });
  });
});

describe("canonicalJson", () => {
  it("is the same whatever the key order, and differs when a value differs", () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: null }] })).toBe(canonicalJson({ a: [{ x: null, y: 2 }], b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: "1" }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});

describe("text PostgreSQL cannot store", () => {
  it("refuses a NUL character or a lone surrogate, naming the field (values and keys)", () => {
    const body = { client_info: { first_name: "Ana\u0000", notes: ["ok", "\ud800"] }, ["bad\u0000key"]: 1 };
    const result = parseIntake(JSON.stringify(body));
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: "client_info.first_name", message: "must not contain the NUL character (\\u0000)" },
        { path: "client_info.notes.1", message: "must be valid Unicode text" },
        { path: "bad\u0000key", message: "key must not contain the NUL character (\\u0000)" },
      ],
    });
  });

  it("keeps every other character, including emoji and accents", () => {
    const result = parseIntake(JSON.stringify({ client_info: { first_name: "José 🙂 Ñandú" } }));
    expect(result.ok).toBe(true);
  });
});

describe("nesting", () => {
  const nested = (depth: number) => `{"client_info":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`;

  it("refuses JSON nested deeper than 64 levels with a 400-style error naming where, however deep", () => {
    for (const depth of [64, 5_000, 200_000]) {
      const result = parseIntake(nested(depth));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors).toEqual([{ path: `client_info${".a".repeat(63)}`, message: "nested deeper than 64 levels" }]);
    }
  });

  it("accepts 64 levels", () => {
    expect(parseIntake(nested(63)).ok).toBe(true);
  });
});
