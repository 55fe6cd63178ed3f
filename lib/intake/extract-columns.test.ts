import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { extractQueueColumns, maskIdentity } from "@/lib/intake/extract-columns";

describe("extractQueueColumns", () => {
  it("takes the main document, names and branch from seed example 1", () => {
    const body = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8"));
    expect(extractQueueColumns(body)).toEqual({
      wisenrollCode: "4MTA2C",
      firstName: "LUIS",
      lastName: "MARTINEZ",
      fullName: "LUIS ALEJANDRO MARTINEZ",
      mainDocType: "SSN",
      mainDocNumber: "111110001",
      mainDocCountry: "US",
      branchCode: "01",
      branchName: "Branch 01",
    });
  });

  it("survives a payload with missing or wrongly typed sections", () => {
    expect(extractQueueColumns({ client_info: { first_name: 7 }, client_documents: "x" })).toMatchObject({
      firstName: "7",
      mainDocNumber: null,
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
});
