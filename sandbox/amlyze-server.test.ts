import { afterEach, describe, expect, it } from "vitest";
import { AMLYZE_MALFORMED_500_BODY, createAmlyzeSandbox, type TAmlyzeSandbox, type TAmlyzeSandboxOptions } from "./amlyze-server";
import { AMLYZE_TOKEN, postJson, readSeed, type TJson } from "./test-helpers";

const seed = readSeed("004");

/** The JSON shown in the seed's response table for an HTTP status, exactly as written. */
function seedResponse(status: number): string {
  const match = new RegExp(`<b>${status}</b>[\\s\\S]*?<pre>\\n([\\s\\S]*?)\\n\\s*</pre>`).exec(seed);
  if (!match?.[1]) throw new Error(`no ${status} sample in seed`);
  return match[1];
}

function seedMinimalRequest(): TJson {
  const match = /## Minimalistic request[\s\S]*?```json\n([\s\S]*?)```/.exec(seed);
  if (!match?.[1]) throw new Error("no minimal request in seed");
  return JSON.parse(match[1]) as TJson;
}

let sandbox: TAmlyzeSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(opts: Partial<TAmlyzeSandboxOptions> = {}) {
  sandbox = createAmlyzeSandbox({ token: AMLYZE_TOKEN, ...opts });
  const url = await sandbox.listen(0);
  const endpoint = `${url}${opts.path ?? "/amlyze-ws-rest/simplified-customer"}`;
  return {
    sb: sandbox,
    url,
    send: (body: unknown, signal?: AbortSignal, token = AMLYZE_TOKEN) => postJson(endpoint, body, { Authorization: `Bearer ${token}` }, signal),
  };
}

describe("POST /amlyze-ws-rest/simplified-customer", () => {
  it("accepts the seed's minimalistic request", async () => {
    const { sb, send } = await start();
    const res = await send(seedMinimalRequest());
    expect(res.status).toBe(200);
    expect(res.json).toEqual(JSON.parse(seedResponse(200)));
    expect(res.json).toEqual({ resultType: "REQUEST_ACCEPTED" });
    expect(sb.submissions().map((s) => [s.communicationNumber, s.status])).toEqual([["ComNr_000321", 200]]);
  });

  it.each([
    ["no token", undefined],
    ["a wrong token", "not-the-token"],
  ])("refuses %s with 401", async (_label, token) => {
    const { sb, url } = await start();
    const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
    const res = await postJson(`${url}/amlyze-ws-rest/simplified-customer`, seedMinimalRequest(), headers);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ resultType: "REQUEST_REJECTED", status: 401, error: "Unauthorized" });
    expect(sb.submissions()).toHaveLength(0);
  });

  it("answers a missing communicationNumber exactly like the seed's 400 sample", async () => {
    const { send } = await start();
    const { communicationNumber: _drop, ...body } = seedMinimalRequest();
    const res = await send(body);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(JSON.parse(seedResponse(400)));
  });

  it.each([
    [{ requester: undefined }, ["Requester is mandatory"]],
    [{ communicationNumber: "", requester: "" }, ["CommunicationNumber is mandatory", "Requester is mandatory"]],
    [{ communicationNumber: "C".repeat(256) }, ["CommunicationNumber must not exceed 255 characters"]],
    [{ requester: "R".repeat(101) }, ["Requester must not exceed 100 characters"]],
    [{ entityType: "PERSON" }, ["EntityType must be one of INDIVIDUAL, ORGANIZATION"]],
    [{ customerStatus: "OPEN" }, ["CustomerStatus must be one of PENDING, ACTIVE, REJECTED, SUSPENDED, CLOSED"]],
    [{ firstName: " ", lastName: undefined }, ["FirstName is mandatory", "LastName is mandatory"]],
    [{ riskManagementCategory: undefined }, ["RiskManagementCategory is mandatory"]],
    [{ riskLevel: "SEVERE" }, ["RiskLevel must be one of NONE, LOW, MEDIUM, HIGH, EXTREME"]],
    [{ customerExtId: 1234 }, ["CustomerExtId must be a string"]],
  ])("answers 400 {errors} for %j", async (patch, errors) => {
    const { send } = await start();
    const res = await send({ ...seedMinimalRequest(), ...patch });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ errors });
  });

  it("answers C002 when customerExtId is missing", async () => {
    const { send } = await start();
    const res = await send({ ...seedMinimalRequest(), customerExtId: "" });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ errorCode: "C002", errorDescription: "customerExtId is mandatory" });
  });

  it("answers C007 for an unknown riskManagementCategory and accepts configured ones", async () => {
    const { send } = await start({ riskManagementCategories: ["FAST", "STANDARD", "ONBOARDING"] });
    const unknown = await send({ ...seedMinimalRequest(), riskManagementCategory: "SLOW" });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({ errorCode: "C007", errorDescription: "riskManagementCategory SLOW does not exist" });
    expect((await send({ ...seedMinimalRequest(), riskManagementCategory: "ONBOARDING" })).status).toBe(200);
  });

  it("is strict: C014 for a field INDIVIDUAL does not take, C015 for an individual-only field on ORGANIZATION, errors[] for bad extras", async () => {
    const { send } = await start();
    const individual = await send({ ...seedMinimalRequest(), nationality: "US" });
    expect(individual).toMatchObject({ status: 400, json: { errorCode: "C014", errorDescription: "Field nationality is not allowed for INDIVIDUAL" } });
    const organization = await send({ ...seedMinimalRequest(), entityType: "ORGANIZATION", birthDate: "1990-01-01" });
    expect(organization).toMatchObject({ status: 400, json: { errorCode: "C015", errorDescription: "Field birthDate is not allowed for ORGANIZATION" } });
    const badExtras = await send({ ...seedMinimalRequest(), birthDate: "14/11/1991", citizenshipCountry: "usa" });
    expect(badExtras).toMatchObject({ status: 400, json: { errors: ["BirthDate must be a date (YYYY-MM-DD)", "CitizenshipCountry must be an ISO 3166-1 alpha-2 code"] } });
    const full = await send({ ...seedMinimalRequest(), birthDate: "1991-11-14", citizenshipCountry: "US", nationalCode: "111110001", riskLevel: "LOW" });
    expect(full.status).toBe(200);
  });

  it("answers malformed JSON with 400 {errors}", async () => {
    const { send } = await start();
    const res = await send("{\"communicationNumber\": ");
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ errors: ["Malformed JSON request"] });
  });

  it("serves the public reference's path when configured, and 404s the seed path then", async () => {
    const { url, send } = await start({ path: "/amlyze-ws-rest/simplifiedCustomer" });
    expect((await send(seedMinimalRequest())).status).toBe(200);
    const seedPath = await postJson(`${url}/amlyze-ws-rest/simplified-customer`, seedMinimalRequest(), { Authorization: `Bearer ${AMLYZE_TOKEN}` });
    expect(seedPath.status).toBe(404);
  });
});

describe("AMLYZE faults", () => {
  it("status404 answers the seed's 404 sample", async () => {
    const { send } = await start({ fault: { kind: "status404" } });
    const res = await send(seedMinimalRequest());
    expect(res.status).toBe(404);
    expect(res.json).toEqual(JSON.parse(seedResponse(404)));
  });

  it("status500 answers REQUEST_REJECTED 500 as valid JSON", async () => {
    const { send } = await start({ fault: { kind: "status500" } });
    const res = await send(seedMinimalRequest());
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ resultType: "REQUEST_REJECTED", status: 500, error: "Internal Server Error" });
  });

  it("status400 and status500 may echo the request's nationalCode, as a real AMLYZE error may", async () => {
    const { sb, send } = await start({ fault: { kind: "status400", message: "nationalCode {document_number} is blocked", times: 1 } });
    const request = { ...seedMinimalRequest(), nationalCode: "111110001" };
    const refused = await send(request);
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ errors: [{ code: "SANDBOX", message: "nationalCode 111110001 is blocked" }] });
    sb.setFault({ kind: "status400", message: "raw {document_number}", raw: true, times: 1 });
    expect((await send(request)).text).toBe("raw 111110001");
    sb.setFault({ kind: "status500", message: "failed for {document_number}", times: 1 });
    expect((await send(request)).json).toEqual({ resultType: "REQUEST_REJECTED", status: 500, error: "failed for 111110001" });
    expect((await send(seedMinimalRequest())).status).toBe(200);
  });

  it("malformed500 reproduces the seed's invalid 500 body byte for byte", async () => {
    const { sb, send } = await start({ fault: { kind: "malformed500" } });
    const res = await send(seedMinimalRequest());
    expect(res.status).toBe(500);
    expect(res.text).toBe(seedResponse(500));
    expect(res.text).toBe(AMLYZE_MALFORMED_500_BODY);
    expect(() => JSON.parse(res.text) as unknown).toThrow(SyntaxError);
    expect(sb.submissions()[0]).toMatchObject({ fault: "malformed500", status: 500, response: AMLYZE_MALFORMED_500_BODY });
  });

  it("timeout never answers; the client aborts", async () => {
    const { sb, send } = await start({ fault: { kind: "timeout" } });
    await expect(send(seedMinimalRequest(), AbortSignal.timeout(300))).rejects.toMatchObject({ name: "TimeoutError" });
    expect(sb.submissions()[0]).toMatchObject({ fault: "timeout", status: null });
  });

  it("reset makes fetch reject", async () => {
    const { send } = await start({ fault: { kind: "reset" } });
    await expect(send(seedMinimalRequest())).rejects.toThrow(TypeError);
  });

  it("garbage answers 200 with a non-JSON body", async () => {
    const { send } = await start({ fault: { kind: "garbage" } });
    const res = await send(seedMinimalRequest());
    expect(res.status).toBe(200);
    expect(res.json).toBeUndefined();
    expect(res.text).toMatch(/^<html>/);
  });

  it("delay answers normally, late", async () => {
    const { send } = await start({ fault: { kind: "delay", ms: 200 } });
    const started = Date.now();
    const res = await send(seedMinimalRequest());
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(res.json).toEqual({ resultType: "REQUEST_ACCEPTED" });
  });

  it("is set and cleared over HTTP and honours times", async () => {
    const { url, send } = await start();
    const set = await postJson(`${url}/_sandbox/amlyze/faults`, { kind: "status404", times: 1 });
    expect(set.json).toEqual({ fault: { kind: "status404", times: 1, remaining: 1 } });
    expect((await send(seedMinimalRequest())).status).toBe(404);
    expect((await send(seedMinimalRequest())).status).toBe(200);
    await postJson(`${url}/_sandbox/amlyze/faults`, { kind: "status500" });
    expect((await fetch(`${url}/_sandbox/amlyze/faults`, { method: "DELETE" })).status).toBe(200);
    expect((await send(seedMinimalRequest())).status).toBe(200);
    const bad = await postJson(`${url}/_sandbox/amlyze/faults`, { kind: "partial" });
    expect(bad.status).toBe(400);
  });

  it("GET /_sandbox/amlyze/submissions lists what was received; reset empties it", async () => {
    const { url, send } = await start();
    await send(seedMinimalRequest());
    await send({ ...seedMinimalRequest(), customerExtId: null, communicationNumber: "ComNr_2" });
    const listed = (await (await fetch(`${url}/_sandbox/amlyze/submissions`)).json()) as { submissions: TJson[]; deliveries: unknown[] };
    expect(listed.submissions.map((s) => [s.communicationNumber, s.status])).toEqual([["ComNr_000321", 200], ["ComNr_2", 400]]);
    expect(listed.deliveries).toEqual([]);
    await postJson(`${url}/_sandbox/amlyze/reset`, {});
    const after = (await (await fetch(`${url}/_sandbox/amlyze/submissions`)).json()) as { submissions: unknown[] };
    expect(after.submissions).toEqual([]);
  });
});
