import { afterEach, describe, expect, it } from "vitest";
import { createAmlyzeSandbox, type TAmlyzeSandbox } from "@/sandbox/amlyze-server";
import { IntegrationError } from "../http/errors";
import { AMLYZE_TOKEN, captureLogs, readFixture } from "../test-helpers";
import { buildSimplifiedCustomer, generateCommunicationNumber, type TBuildSimplifiedCustomerOptions } from "./build-request";
import { createAmlyzeClient } from "./client";

const OPTIONS: TBuildSimplifiedCustomerOptions = {
  customerNumber: 100001,
  communicationNumber: "EC-0190b8a0-0000-7000-8000-000000000001",
  requester: "financial_institution",
  riskManagementCategory: "FAST",
  customerStatus: "ACTIVE",
};
const ALL = { birthDate: true, nationality: true, document: true };
const minimal = (customerExtId: string, firstName: string, lastName: string) => ({
  communicationNumber: OPTIONS.communicationNumber,
  requester: "financial_institution",
  riskManagementCategory: "FAST",
  entityType: "INDIVIDUAL",
  customerExtId,
  firstName,
  lastName,
  customerStatus: "ACTIVE",
});

describe("buildSimplifiedCustomer from the seed fixtures", () => {
  it("fixture 1: first + middle name, no middle last name", () => {
    expect(buildSimplifiedCustomer(readFixture(1), OPTIONS)).toEqual(minimal("100001", "LUIS ALEJANDRO", "MARTINEZ"));
  });

  it("fixture 2: optional fields only when enabled", () => {
    expect(buildSimplifiedCustomer(readFixture(2), { ...OPTIONS, customerNumber: 100002 })).toEqual(minimal("100002", "DANIELA ANDREINA", "MATOS"));
    expect(buildSimplifiedCustomer(readFixture(2), { ...OPTIONS, customerNumber: 100002, includeOptional: ALL })).toEqual({
      ...minimal("100002", "DANIELA ANDREINA", "MATOS"),
      birthDate: "1989-11-23",
      citizenshipCountry: "US",
      nationalCode: "111010001",
    });
  });

  it("fixture 3: middle last name joins the last name; only the enabled extras", () => {
    const body = buildSimplifiedCustomer(readFixture(3), { ...OPTIONS, customerNumber: 100003, includeOptional: { birthDate: true } });
    expect(body).toEqual({ ...minimal("100003", "DAVID JOSE", "CASTILLO TORREALBA"), birthDate: "1988-12-27" });
    expect(JSON.stringify(body)).toBe(
      '{"communicationNumber":"EC-0190b8a0-0000-7000-8000-000000000001","requester":"financial_institution","riskManagementCategory":"FAST","entityType":"INDIVIDUAL","customerExtId":"100003","firstName":"DAVID JOSE","lastName":"CASTILLO TORREALBA","customerStatus":"ACTIVE","birthDate":"1988-12-27"}',
    );
  });

  it("null, empty and blank name parts and extras are left out", () => {
    const fixture = readFixture(1);
    const info = fixture.client_info as Record<string, unknown>;
    const enrollment = { ...fixture, client_info: { ...info, first_name: " LUIS ", middle_name: "", middle_last_name: null, birth_date: null, nationality_code: "  " }, client_documents: [] };
    expect(buildSimplifiedCustomer(enrollment, { ...OPTIONS, includeOptional: ALL })).toEqual(minimal("100001", "LUIS", "MARTINEZ"));
  });

  it("throws IntegrationError when names are missing or the customer number is not one", () => {
    const fixture = readFixture(1);
    const info = fixture.client_info as Record<string, unknown>;
    expect(() => buildSimplifiedCustomer({ ...fixture, client_info: { ...info, last_name: undefined } }, OPTIONS)).toThrow(IntegrationError);
    expect(() => buildSimplifiedCustomer({ ...fixture, client_info: { ...info, first_name: "   ", middle_name: null } }, OPTIONS)).toThrow(/firstName: required/);
    expect(() => buildSimplifiedCustomer(fixture, { ...OPTIONS, customerNumber: 0 })).toThrow(/customerNumber must be a positive integer/);
    expect(() => buildSimplifiedCustomer(null, OPTIONS)).toThrow(IntegrationError);
  });
});

describe("generateCommunicationNumber", () => {
  it("is EC- + a UUID v7, unique, and within AMLYZE's 255 characters", () => {
    const numbers = Array.from({ length: 1_000 }, generateCommunicationNumber);
    for (const n of numbers) expect(n).toMatch(/^EC-[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(numbers).size).toBe(1_000);
    expect(numbers[0]?.length).toBe(39);
  });
});

describe("built requests against the AMLYZE sandbox", () => {
  let sandbox: TAmlyzeSandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it("each fixture, with every extra enabled, is accepted", async () => {
    sandbox = createAmlyzeSandbox({ token: AMLYZE_TOKEN });
    const amlyze = createAmlyzeClient({ baseUrl: await sandbox.listen(0), auth: { kind: "bearer", token: AMLYZE_TOKEN }, timeoutMs: 1_000, logger: captureLogs().logger });
    for (const n of [1, 2, 3] as const) {
      const body = buildSimplifiedCustomer(readFixture(n), { ...OPTIONS, customerNumber: 100000 + n, communicationNumber: generateCommunicationNumber(), includeOptional: ALL });
      expect((await amlyze.submitCustomer(body)).result).toEqual({ kind: "accepted" });
    }
    expect(sandbox.submissions().map((s) => (s.body as { customerExtId: string }).customerExtId)).toEqual(["100001", "100002", "100003"]);
  });
});
