import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { documentsOf, identityIndex, identityOf, identityOfPayload, mainDocument, personIndex, personOf, sameIdentity } from "./identity";

const example = (n: number) => JSON.parse(fs.readFileSync(`fixtures/enrollments/seed-example-${n}.json`, "utf8")) as Record<string, unknown>;
const doc = (fields: Record<string, unknown>) => ({ document_type_code: "CEDU", document_number: "00112345678", issuing_country_code: "DO", main: 0, ...fields });
const key = Buffer.alloc(32, 7);

describe("the identity rule", () => {
  it("finds the main document of the three seed examples", () => {
    for (const n of [1, 2, 3]) {
      const payload = example(n);
      const main = mainDocument(payload);
      const marked = (payload.client_documents as { main: number; document_number: string }[]).find((d) => d.main === 1)!;
      expect(main?.number).toBe(marked.document_number);
      expect(identityOfPayload(payload)).not.toBeNull();
    }
  });

  it("takes the first document when none is marked main, and the first marked one when two are", () => {
    expect(mainDocument({ client_documents: [doc({ document_number: "A1" }), doc({ document_number: "B2" })] })?.number).toBe("A1");
    expect(mainDocument({ client_documents: [doc({ document_number: "A1" }), doc({ document_number: "B2", main: 1 }), doc({ document_number: "C3", main: 1 })] })?.number).toBe("B2");
    expect(mainDocument({ client_documents: [] })).toBeNull();
    expect(mainDocument({})).toBeNull();
  });

  it("normalises the key: upper-case country and type, the number without dashes, spaces or dots", () => {
    const a = identityOf(documentsOf({ client_documents: [doc({ document_number: "001-1234567-8", issuing_country_code: "do", document_type_code: "cedu" })] })[0]!);
    const b = identityOf(documentsOf({ client_documents: [doc({ document_number: "00112345678" })] })[0]!);
    expect(a).toEqual({ type: "CEDU", number: "00112345678", country: "DO" });
    expect(sameIdentity(a, b)).toBe(true);
    expect(identityIndex(a, key)).toBe(identityIndex(b, key));
  });

  it("tells apart the same number of another type or country, and has no key without all three parts", () => {
    const base = identityOf(documentsOf({ client_documents: [doc({})] })[0]!);
    const otherCountry = identityOf(documentsOf({ client_documents: [doc({ issuing_country_code: "US" })] })[0]!);
    const otherType = identityOf(documentsOf({ client_documents: [doc({ document_type_code: "PASA" })] })[0]!);
    expect(sameIdentity(base, otherCountry)).toBe(false);
    expect(identityIndex(base, key)).not.toBe(identityIndex(otherType, key));
    expect(identityOf(documentsOf({ client_documents: [doc({ issuing_country_code: "" })] })[0]!)).toBeNull();
    expect(identityOf(documentsOf({ client_documents: [doc({ document_number: " - " })] })[0]!)).toBeNull();
    expect(identityIndex(null, key)).toBeNull();
  });

  it("folds the person's name (accents, case, spacing) and needs the birth date", () => {
    const a = personOf({ client_info: { first_name: "José", last_name: " Núñez ", middle_last_name: "peña", birth_date: "1990-01-02" } });
    const b = personOf({ client_info: { first_name: "JOSE", last_name: "NUNEZ", middle_last_name: "PENA", birth_date: "1990-01-02" } });
    expect(a).toEqual({ name: "JOSE NUNEZ PENA", birthDate: "1990-01-02" });
    expect(personIndex(a, key)).toBe(personIndex(b, key));
    expect(personIndex(a, key)).not.toBe(personIndex({ ...a!, birthDate: "1990-01-03" }, key));
    expect(personOf({ client_info: { first_name: "JOSE" } })).toBeNull();
    expect(personOf({ client_info: { first_name: "JOSE", birth_date: "1990-02-30" } })).toBeNull();
    expect(personOf({ client_info: { first_name: "JOSE", birth_date: "02/01/1990" } })).toBeNull();
    expect(personOf({ client_info: { first_name: "JOSE", birth_date: "2024-02-29" } })).toEqual({ name: "JOSE", birthDate: "2024-02-29" });
    expect(personIndex(null, key)).toBeNull();
  });
});
