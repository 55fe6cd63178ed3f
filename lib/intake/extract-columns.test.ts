import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { blindIndex } from "@/lib/crypto/pii";
import { generateKey } from "@/lib/crypto/secrets";
import { identityIndex, personIndex } from "@/lib/enrollment/identity";
import { extractQueueColumns, maskIdentity, maskLastFour } from "@/lib/intake/extract-columns";

const INDEX_KEY = Buffer.from(generateKey(), "base64");

describe("extractQueueColumns", () => {
  it("takes the main document, names and branch from seed example 1", () => {
    const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
    expect(extractQueueColumns(body, INDEX_KEY)).toEqual({
      wisenrollCode: "4MTA2C",
      firstName: "LUIS",
      lastName: "MARTINEZ",
      fullName: "LUIS ALEJANDRO MARTINEZ",
      mainDocType: "SSN",
      mainDocIndex: blindIndex("111110001", INDEX_KEY),
      mainDocLast4: "0001",
      mainDocCountry: "US",
      branchCode: "01",
      branchName: "Branch 01",
      identityIndex: identityIndex({ type: "SSN", number: "111110001", country: "US" }, INDEX_KEY),
      personIndex: personIndex({ name: "LUIS ALEJANDRO MARTINEZ", birthDate: body.client_info.birth_date }, INDEX_KEY),
    });
  });

  it("survives a payload with missing or wrongly typed sections", () => {
    expect(extractQueueColumns({ client_info: { first_name: 7 }, client_documents: "x" }, INDEX_KEY)).toMatchObject({
      firstName: "7",
      mainDocIndex: null,
      mainDocLast4: null,
      fullName: "7",
    });
  });
});

describe("maskIdentity", () => {
  it("shows only the last four characters", () => {
    expect(maskIdentity("111110001")).toBe("•••••0001");
    expect(maskIdentity("1234")).toBe("••••");
    expect(maskIdentity(null)).toBe("");
  });

  it("masks from the stored last four characters, hiding the length", () => {
    expect(maskLastFour("0001")).toBe("••••0001");
    expect(maskLastFour("")).toBe("••••");
    expect(maskLastFour(null)).toBe("");
  });
});
