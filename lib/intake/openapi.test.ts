// The intake API document must be one a client can use: it validates with a standard validator,
// and a client generated from it (openapi-typescript) types the seed examples, and refuses
// bodies that break the field table, so no section is typed as `unknown`.
import fs from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/intake/openapi";

const root = path.resolve(__dirname, "../..");
const fixtures = ["seed-example-1.json", "seed-example-2.json", "seed-example-3.json"].map((name) =>
  fs.readFileSync(path.join(root, "fixtures/enrollments", name), "utf8"),
);

// Inside the project (so `typescript` resolves as for any source file), where tsc and git never look.
const cacheDir = path.join(root, "node_modules/.cache");
fs.mkdirSync(cacheDir, { recursive: true });
const tempDir = fs.mkdtempSync(path.join(cacheDir, "openapi-client-"));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

/** Type-checks `source` next to the generated client; the diagnostics, formatted. */
function typeCheck(clientSource: string, source: string): string[] {
  fs.writeFileSync(path.join(tempDir, "api.ts"), clientSource);
  const file = path.join(tempDir, "check.ts");
  fs.writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts"],
    types: [],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} ` : "";
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

const CHECK = `
import type { paths } from "./api";

type TIntake = paths["/api/v1/enrollments"]["post"]["requestBody"]["content"]["application/json"];
type TOutcome = paths["/api/v1/enrollments/{id}"]["get"]["responses"][200]["content"]["application/json"];
type TEvents = NonNullable<paths["/api/v1/amlyze/events"]["post"]["requestBody"]>["content"];

${fixtures.map((json, i) => `export const example${i + 1} = (${json}) satisfies TIntake;`).join("\n")}

export const withProducts = {
  client_info: { first_name: "ANA" },
  requested_products: [{ product_code: "AH01", open_date: "2026-01-15", related_client_info: [{ customer_number: 4711, authorized_signature: 1 }] }],
} satisfies TIntake;

// Every section is typed from the field table: each of these must be refused.
// @ts-expect-error client_documents is a list
export const documentsNotAList = { client_info: {}, client_documents: { document_number: "1" } } satisfies TIntake;
// @ts-expect-error a section is an object
export const locationAsText = { client_info: {}, client_location: "Santo Domingo" } satisfies TIntake;
// @ts-expect-error birth_date is YYYY-MM-DD text
export const dateAsNumber = { client_info: { birth_date: 19891123 } } satisfies TIntake;
// @ts-expect-error sex is one of its codes
export const unknownSex = { client_info: { sex: "X" } } satisfies TIntake;
// @ts-expect-error main is the flag 0 or 1
export const mainAsText = { client_info: {}, client_documents: [{ main: "yes" }] } satisfies TIntake;
// @ts-expect-error an email is text
export const emailAsNumber = { client_info: {}, client_contact: { email: 42 } } satisfies TIntake;
// @ts-expect-error a salary is a number
export const salaryAsObject = { client_info: {}, client_job_info: { salary: { amount: 1 } } } satisfies TIntake;
// @ts-expect-error a reference is an object
export const referenceAsText = { client_info: {}, client_references: { first_personal_reference: "Juan" } } satisfies TIntake;
// @ts-expect-error a currency is one of the ISO 4217 codes
export const unknownCurrency = { client_info: {}, client_transactionality: { inc_transactionality_currency: "DOLLARS" } } satisfies TIntake;
// @ts-expect-error a branch code is text
export const branchAsNumber = { client_info: {}, client_entity_branch: { branch_code: 1 } } satisfies TIntake;

export const outcome = { id: "3f1d2c4b-0000-4000-8000-000000000000", status: "pushed", issues: 0, customer_number: 12, accounts: [], aml_status: null } satisfies TOutcome;

export const structured = {
  specversion: "1.0",
  id: "evt-1",
  source: "COMM-1",
  type: "app.amlyze.customer.riskmanagement.kyc_scoring.completed",
  subject: "12",
  data: { finalRiskLevel: "LOW" },
} satisfies TEvents["application/cloudevents+json"];
export const batch = [structured] satisfies TEvents["application/cloudevents-batch+json"];
`;

describe("the intake API document (/api/v1/openapi.json)", () => {
  it("validates with @apidevtools/swagger-parser", async () => {
    // validate() dereferences in place: give it a copy
    await expect(SwaggerParser.validate(structuredClone(buildOpenApiDocument()) as never)).resolves.toBeTruthy();
  });

  it("describes every section and the status and AMLYZE events endpoints", () => {
    const document = buildOpenApiDocument();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/v1/enrollments", "/api/v1/enrollments/{id}", "/api/v1/amlyze/events"]));
    const json = JSON.stringify(document);
    // the field table's rules reach the document: lengths, formats and what a push needs
    expect(json).toContain('"x-required-for-push":true');
    expect(json).toContain('"maxLength":30');
    expect(json).toContain('"format":"email"');
  });

  it("generates a client (openapi-typescript) that types the seed examples and refuses bodies breaking the field table", async () => {
    const client = astToString(await openapiTS(structuredClone(buildOpenApiDocument()) as never, { silent: true }));
    expect(typeCheck(client, CHECK)).toEqual([]);
  }, 60_000);
});
