import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { TFieldSpec } from "./field-table";
import { buildObjectSchema, codePointLength, ZEnrollmentPayload } from "./schema";
import { at, seedExample } from "./test-fixtures";

describe("round trip", () => {
  it("null, empty and missing optional values come back exactly as sent", () => {
    const body = seedExample(1);
    Object.assign(info(body), { middle_name: null, nickname: "", customer_number: null, additional_field1: "", risk_data: null });
    delete info(body).other_nationality_code;
    Object.assign(at(body, "client_job_info", "other_job_info"), { quantity_of_employees: "", total_assets: null });
    Object.assign(at(body, "client_references"), { second_bank_reference: null });
    const sent = structuredClone(body);
    const parsed = ZEnrollmentPayload.parse(body);
    expect(parsed).toStrictEqual(sent);
    expect(JSON.stringify(parsed, Object.keys(flatKeys(parsed)).sort())).toBe(JSON.stringify(sent, Object.keys(flatKeys(sent)).sort()));
    expect("other_nationality_code" in at(parsed, "client_info")).toBe(false);
  });
  it.each([1, 2, 3] as const)("seed example %i parses to an equal value", (n) => {
    expect(ZEnrollmentPayload.parse(seedExample(n))).toStrictEqual(seedExample(n));
  });
});

describe("unknown keys are kept", () => {
  it("at the top level, in sections, nested objects, references and document items", () => {
    const body = seedExample(1);
    body.extra_top = { any: ["thing"] };
    info(body).industry_marker = "X";
    at(body, "client_info", "spouse_info").nickname = "EMI";
    at(body, "client_references", "first_bank_reference").branch = "Downtown";
    at(body, "client_documents", 0).expiry_date = "2030-01-01";
    at(body, "client_entity_branch").region = { code: 7 };
    const parsed = ZEnrollmentPayload.parse(body);
    expect(parsed.extra_top).toEqual({ any: ["thing"] });
    expect(at(parsed, "client_info").industry_marker).toBe("X");
    expect(at(parsed, "client_info").bonding_type).toBe("NI");
    expect(at(parsed, "client_info", "spouse_info").nickname).toBe("EMI");
    expect(at(parsed, "client_references", "first_bank_reference").branch).toBe("Downtown");
    expect(at(parsed, "client_documents", 0).expiry_date).toBe("2030-01-01");
    expect(at(parsed, "client_entity_branch").region).toEqual({ code: 7 });
  });
});

describe("schema builder", () => {
  const spec = (p: string, extra: Partial<TFieldSpec> & Pick<TFieldSpec, "type">): TFieldSpec =>
    ({ section: "client_info", path: p, required: false, label: { en: p, es: p }, description: { en: p, es: p }, ...extra }) as TFieldSpec;
  const table = [
    spec("box", { type: "object" }),
    spec("box.inner", { type: "string", maxLength: 5, required: true }),
    spec("box.note", { type: "string", maxLength: 5 }),
  ];
  const schema = buildObjectSchema(table);
  const issues = (value: unknown) => schema.safeParse(value).error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];

  it("an optional object may be absent or null, but once present its required fields apply", () => {
    expect(issues({})).toEqual([]);
    expect(issues({ box: null })).toEqual([]);
    expect(issues({ box: { note: "hi" } })).toEqual([["box.inner", "Required"]]);
    expect(issues({ box: { inner: "ok" } })).toEqual([]);
  });
  it("a required object must be present", () => {
    const required = buildObjectSchema([{ ...table[0]!, required: true }, ...table.slice(1)]);
    expect(required.safeParse({}).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["box", "Required"]]);
  });
});

describe("shared with client code", () => {
  it("schema.ts and field-table.ts import nothing server-only", () => {
    for (const file of ["schema.ts", "field-table.ts"]) {
      const source = readFileSync(path.join(__dirname, file), "utf8");
      expect(source).not.toMatch(/from "(server-only|node:[^"]+|fs|path)"/);
    }
  });
  it("counts code points, not UTF-16 units", () => {
    expect(codePointLength("NÚÑEZ")).toBe(5);
    expect(codePointLength("𝒜𝒜")).toBe(2);
  });
});

function info(body: unknown) {
  return at(body, "client_info");
}

// every key at every depth, so JSON.stringify compares content regardless of key order
function flatKeys(value: unknown, keys: Record<string, true> = {}): Record<string, true> {
  if (Array.isArray(value)) value.forEach((item) => flatKeys(item, keys));
  else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      keys[key] = true;
      flatKeys(child, keys);
    }
  }
  return keys;
}
