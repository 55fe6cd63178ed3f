// The upgrade and the rotation of identity numbers at rest: a database written by the console
// before sealing existed (numbers in clear, main_doc_number, and the core's and AMLYZE's words
// echoing them in clear) is sealed and indexed by the data migrations that run with the SQL
// migrations; a database sealed before outside text was gets that text sealed by the second data
// migration; `npm run pii:rotate` then moves every value to a new key and a new blind index key,
// refuses a value whose key is gone, and a second run does nothing.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blindIndex, piiKeysFromEnv, piiOwner, type TPiiKeys } from "@/lib/crypto/pii";
import { generateKey, SecretDecryptionError } from "@/lib/crypto/secrets";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { createScratchDatabase, type TScratchDatabase } from "@/lib/db/scratch-database";
import { ownerDatabaseUrl } from "./db";
import { openChanges, openIdentities, openJson, openReason, openText, scanChanges, scanIdentities, scanJson, scanText } from "@/lib/pii/identities";
import { rotatePiiKey } from "@/lib/pii/reseal-pii";

const FIXTURE = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-2.json", "utf8")) as Record<string, any>;
const MAIN = FIXTURE.client_documents.find((d: { main: number }) => d.main === 1).document_number as string;
const OTHER = FIXTURE.client_documents.find((d: { main: number }) => d.main !== 1).document_number as string;
const IDS = { enrollment: "0193a6f0-0000-7000-8000-0000000000e1", revision: "0193a6f0-0000-7000-8000-0000000000e2", product: "0193a6f0-0000-7000-8000-0000000000e3" };
const CHANGES = [{ path: "client_documents.0.document_number", old: "12345678901", new: OTHER }];
const RELATED = [{ customer_number: 100001, main_document: { document_type_code: "SSN", document_number: "998877665", issuing_country_code: "US" } }];
const CUSTOMER_BODY = JSON.stringify(FIXTURE);
const AML_BODY = JSON.stringify({ communicationNumber: "EC-old", customerExtId: "100001", nationalCode: MAIN });
const EVENT = { id: "ev-old-1", source: "EC-old", type: "com.amlyze.customer.updated", data: { nationalCode: MAIN, riskLevel: "LOW" } };
const NUMBERS = [MAIN, OTHER, "12345678901", "998877665"];
/** What the core and AMLYZE said back, echoing the numbers, as the console stored it in clear before. */
const OUTSIDE = {
  pushError: `CC01: documento relacionado 998877665 no habilitado`,
  productMessage: `AH01-2: relacionado 998877665 no habilitado`,
  accounts: [{ action: "ERROR", accountProduct: "AH01-2", accountNumber: null, message: "relacionado 998877665 no habilitado" }],
  callError: `network error: ${MAIN}`,
  parsed: { kind: "rejected", status: 400, message: `Documento ${MAIN} bloqueado` },
  submissionMessage: `C001: nationalCode ${MAIN} is blocked`,
  errors: [{ code: "C001", message: `nationalCode ${MAIN} is blocked` }],
  rawHeaders: { "content-type": "application/json", "ce-id": "ev-old-1", "ce-nationalcode": MAIN },
};
/** Values to seal: the fixture's 5 numbers in both payloads, 2 in the diff, 1 related, 2 call bodies, 1 AML body, the event whole and its data. */
const NUMBER_VALUES = 5 * 2 + 2 + 1 + 2 + 1 + 2;
/** And the outside text: push error, product message and accounts, call error and parsed answer, submission message and errors, event headers, the view's message. */
const OUTSIDE_VALUES = 9;
const VALUES = NUMBER_VALUES + OUTSIDE_VALUES;
const TABLES = ["enrollments", "enrollment_revisions", "product_requests", "outbound_calls", "aml_submissions", "aml_events", "aml_customers"];

let scratch: TScratchDatabase;
let client: pg.Client;

async function dump(): Promise<string> {
  let text = "";
  for (const table of TABLES) text += (await client.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t`)).rows.map((r) => r.row).join("\n");
  return text;
}

/** What the console wrote before sealing: every number in clear, the main one in its own column. */
async function writeClearRows() {
  const json = JSON.stringify(FIXTURE);
  await client.query(`INSERT INTO product_codes (code, name, updated_at) VALUES ('AH01', 'Savings', now())`);
  await client.query(
    `INSERT INTO enrollments (id, received_payload, payload, content_hash, wisenroll_code, full_name, main_doc_type, main_doc_number, updated_at)
     VALUES ($1, $2::jsonb, $2::jsonb, md5($2::text) || md5($2::text), 'K9ZW56', 'OLD ROW', 'SSN', $3, now())`,
    [IDS.enrollment, json, MAIN],
  );
  await client.query(`INSERT INTO enrollment_revisions (id, enrollment_id, version, section, actor_label, changes) VALUES ($1, $2, 2, 'client_documents', 'officer', $3)`, [
    IDS.revision,
    IDS.enrollment,
    JSON.stringify(CHANGES),
  ]);
  await client.query(
    `INSERT INTO product_requests (id, enrollment_id, position, product_code, open_date, related_client_info, updated_at) VALUES ($1, $2, 0, 'AH01', '2026-11-21', $3, now())`,
    [IDS.product, IDS.enrollment, JSON.stringify(RELATED)],
  );
  await client.query(
    `INSERT INTO outbound_calls (id, enrollment_id, step, call_key, attempt, url, request_body, response_body)
     VALUES (gen_random_uuid(), $1, 'core_customer', 'core_customer:old:1', 1, 'http://core/core_customer', $2, '{"customer_number":100001}')`,
    [IDS.enrollment, CUSTOMER_BODY],
  );
  await client.query(
    `INSERT INTO aml_submissions (id, enrollment_id, push_seq, communication_number, customer_ext_id, request_body, updated_at)
     VALUES (gen_random_uuid(), $1, 1, 'EC-old', '100001', $2, now())`,
    [IDS.enrollment, AML_BODY],
  );
  await client.query(`INSERT INTO aml_events (id, event_id, type, source, data, raw_body) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)`, [
    EVENT.id,
    EVENT.type,
    EVENT.source,
    JSON.stringify(EVENT.data),
    JSON.stringify(EVENT),
  ]);
  await client.query(`INSERT INTO aml_customers (customer_ext_id, enrollment_id, updated_at) VALUES ('100001', $1, now())`, [IDS.enrollment]);
  await writeOutsideInClear();
}

/** The core's and AMLYZE's words, in clear where the console used to store them. */
async function writeOutsideInClear() {
  await client.query("UPDATE enrollments SET push_error = $1", [OUTSIDE.pushError]);
  await client.query("UPDATE product_requests SET message = $1, accounts = $2::jsonb", [OUTSIDE.productMessage, JSON.stringify(OUTSIDE.accounts)]);
  await client.query("UPDATE outbound_calls SET error = $1, parsed = $2::jsonb", [OUTSIDE.callError, JSON.stringify(OUTSIDE.parsed)]);
  await client.query("UPDATE aml_submissions SET message = $1, errors = $2::jsonb", [OUTSIDE.submissionMessage, JSON.stringify(OUTSIDE.errors)]);
  await client.query("UPDATE aml_events SET raw_headers = $1::jsonb", [JSON.stringify(OUTSIDE.rawHeaders)]);
  await client.query("UPDATE aml_customers SET submission_message = $1", [OUTSIDE.submissionMessage]);
}

beforeAll(async () => {
  scratch = await createScratchDatabase(ownerDatabaseUrl(), { prefix: "pii_upgrade", migrate: false });
  // The migrations as they were before identity numbers were sealed.
  const before = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-before-pii-"));
  for (const migration of readMigrations().filter((m) => m.name < "20261122011931_pii_at_rest")) {
    fs.mkdirSync(path.join(before, migration.name));
    fs.writeFileSync(path.join(before, migration.name, "migration.sql"), migration.sql);
  }
  await applyMigrations(scratch.url, { dir: before });
  client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  await writeClearRows();
});
afterAll(async () => {
  await client?.end();
  await scratch?.drop();
});

/** The keys of this run (what the data migrations seal with). */
const dev = piiKeysFromEnv(process.env);

async function stored() {
  const one = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows[0]!;
  return {
    enrollment: await one<{ payload: unknown; received_payload: unknown; main_doc_index: string | null; main_doc_last4: string | null }>(
      "SELECT payload, received_payload, main_doc_index, main_doc_last4 FROM enrollments",
    ),
    changes: (await one<{ changes: typeof CHANGES }>("SELECT changes FROM enrollment_revisions")).changes,
    related: (await one<{ related_client_info: unknown }>("SELECT related_client_info FROM product_requests")).related_client_info,
    call: await one<{ request_body: string; response_body: string }>("SELECT request_body, response_body FROM outbound_calls"),
    submission: (await one<{ request_body: string }>("SELECT request_body FROM aml_submissions")).request_body,
    event: await one<{ raw_body: string; data: unknown; raw_headers: unknown }>("SELECT raw_body, data, raw_headers FROM aml_events"),
    outside: {
      pushError: (await one<{ push_error: string }>("SELECT push_error FROM enrollments")).push_error,
      product: await one<{ message: string; accounts: unknown }>("SELECT message, accounts FROM product_requests"),
      call: await one<{ error: string; parsed: unknown }>("SELECT error, parsed FROM outbound_calls"),
      submission: await one<{ message: string; errors: unknown }>("SELECT message, errors FROM aml_submissions"),
      view: (await one<{ submission_message: string }>("SELECT submission_message FROM aml_customers")).submission_message,
    },
  };
}

/** Everything opens with `keys` and gives back exactly what the console wrote in clear. */
async function expectOpensTo(keys: TPiiKeys) {
  const s = await stored();
  const { keyring } = keys;
  const [owner, body] = [piiOwner.enrollment(IDS.enrollment), piiOwner.enrollmentBody(IDS.enrollment)];
  expect(openIdentities(s.enrollment.payload, owner, keyring)).toEqual(FIXTURE);
  expect(openIdentities(s.enrollment.received_payload, owner, keyring)).toEqual(FIXTURE);
  expect(openChanges(s.changes, owner, keyring)).toEqual(CHANGES);
  expect(openIdentities(s.related, owner, keyring)).toEqual(RELATED);
  expect(openText(s.call.request_body, body, keyring)).toBe(CUSTOMER_BODY);
  expect(openText(s.call.response_body, body, keyring)).toBe('{"customer_number":100001}');
  expect(openText(s.submission, body, keyring)).toBe(AML_BODY);
  expect(openText(s.event.raw_body, piiOwner.amlEvent(EVENT.id), keyring)).toBe(JSON.stringify(EVENT));
  expect(openIdentities(s.event.data, piiOwner.amlEvent(EVENT.id), keyring)).toEqual(EVENT.data);
  // The outside text reads back exactly; what was a sentence before reasons were codes is shown as it is.
  const text = (value: string) => ({ code: "text", text: value });
  expect(openReason(s.outside.pushError, body, keyring)).toEqual(text(OUTSIDE.pushError));
  expect(openReason(s.outside.product.message, body, keyring)).toEqual(text(OUTSIDE.productMessage));
  expect(openJson(s.outside.product.accounts, body, keyring)).toEqual(OUTSIDE.accounts);
  expect(openReason(s.outside.call.error, body, keyring)).toEqual(text(OUTSIDE.callError));
  expect(openJson(s.outside.call.parsed, body, keyring)).toEqual(OUTSIDE.parsed);
  expect(openReason(s.outside.submission.message, body, keyring)).toEqual(text(OUTSIDE.submissionMessage));
  expect(openJson(s.outside.submission.errors, body, keyring)).toEqual(OUTSIDE.errors);
  expect(openJson(s.event.raw_headers, piiOwner.amlEvent(EVENT.id), keyring)).toEqual(OUTSIDE.rawHeaders);
  expect(openReason(s.outside.view, piiOwner.amlCustomer("100001"), keyring)).toEqual(text(OUTSIDE.submissionMessage));
  expect(s.enrollment.main_doc_index).toBe(blindIndex(MAIN, keys.indexKey));
  expect(s.enrollment.main_doc_last4).toBe(MAIN.slice(-4));
  // Nothing left in clear or under another key.
  const scans = [
    scanIdentities(s.enrollment.payload, keyring),
    scanIdentities(s.enrollment.received_payload, keyring),
    scanChanges(s.changes, keyring),
    scanIdentities(s.related, keyring),
    scanText(s.call.request_body, keyring),
    scanText(s.submission, keyring),
    scanText(s.event.raw_body, keyring),
    scanIdentities(s.event.data, keyring),
    scanText(s.outside.pushError, keyring),
    scanText(s.outside.product.message, keyring),
    scanJson(s.outside.product.accounts, keyring),
    scanText(s.outside.call.error, keyring),
    scanJson(s.outside.call.parsed, keyring),
    scanText(s.outside.submission.message, keyring),
    scanJson(s.outside.submission.errors, keyring),
    scanJson(s.event.raw_headers, keyring),
    scanText(s.outside.view, keyring),
  ];
  expect(scans.every((scan) => scan.clear === 0 && scan.stale === 0)).toBe(true);
}

describe("upgrading a database written before sealing", () => {
  it("the clear rows are really there before the upgrade", async () => {
    const text = await dump();
    for (const number of NUMBERS) expect(text).toContain(number);
  });

  it("the upgrade seals every number and outside text and fills the blind index; a second run does nothing", async () => {
    const later = readMigrations().map((m) => m.name).filter((name) => name >= "20261122011931_pii_at_rest");
    expect(await applyMigrations(scratch.url)).toEqual([...later, "data:pii_at_rest", "data:external_text_at_rest", "data:identity_index", "data:sla_due_at", "data:person_index_real_dates"]);
    const text = await dump();
    expect(NUMBERS.filter((number) => text.includes(number))).toEqual([]);
    await expectOpensTo(dev);
    const { rows } = await client.query<{ name: string; report: { sealedValues: number; reindexed: number } }>("SELECT name, report FROM data_migrations ORDER BY name");
    expect(rows.map((r) => [r.name, r.report.sealedValues, r.report.reindexed])).toEqual([
      ["external_text_at_rest", 0, 0],
      ["identity_index", 0, 0],
      ["person_index_real_dates", 0, 0],
      ["pii_at_rest", VALUES, 1],
      ["sla_due_at", undefined, undefined],
    ]);
    // and every enrollment its due time in business time (data migration sla_due_at)
    expect((await client.query("SELECT 1 FROM enrollments WHERE due_at IS NULL")).rowCount).toBe(0);
    // the first pass filled the identity's blind index too (matching across enrollments)
    expect((await client.query("SELECT 1 FROM enrollments WHERE identity_index IS NULL OR person_index IS NULL")).rowCount).toBe(0);
    expect(await applyMigrations(scratch.url)).toEqual([]);
  });
});

describe("upgrading a database whose numbers were sealed, but not what the core and AMLYZE said", () => {
  it("the data migration external_text_at_rest seals that text once; numbers already sealed are left as they are", async () => {
    // What the console before this change wrote after pii_at_rest had run: the outside text in clear.
    await writeOutsideInClear();
    await client.query("DELETE FROM data_migrations WHERE name = 'external_text_at_rest'");
    const before = await dump();
    expect(NUMBERS.filter((number) => before.includes(number))).toEqual([MAIN, "998877665"]);
    expect(await applyMigrations(scratch.url)).toEqual(["data:external_text_at_rest"]);
    const text = await dump();
    expect(NUMBERS.filter((number) => text.includes(number))).toEqual([]);
    await expectOpensTo(dev);
    const { rows } = await client.query<{ report: { sealedValues: number; resealedValues: number; reindexed: number } }>(
      "SELECT report FROM data_migrations WHERE name = 'external_text_at_rest'",
    );
    expect(rows[0]!.report).toMatchObject({ sealedValues: OUTSIDE_VALUES, resealedValues: 0, reindexed: 0 });
    expect(await applyMigrations(scratch.url)).toEqual([]);
  });
});

describe("npm run pii:rotate", () => {
  const K2 = generateKey();
  const INDEX2 = generateKey();
  // The run's own key (with-db's secrets file, or vitest.config.ts) sealed what is stored; it must not be version 2.
  const current = process.env.PII_ENCRYPTION_KEYS!;
  const currentVersion = Number(current.split(":")[0]);
  const rotated = piiKeysFromEnv({ PII_ENCRYPTION_KEYS: `2:${K2},${current}`, PII_INDEX_KEY: INDEX2 });

  it("stops at a value whose key is no longer listed, naming the row and changing nothing in its batch", async () => {
    const before = await stored();
    const without = piiKeysFromEnv({ PII_ENCRYPTION_KEYS: `2:${K2}`, PII_INDEX_KEY: INDEX2 });
    await expect(rotatePiiKey(client, without)).rejects.toThrow(SecretDecryptionError);
    await expect(rotatePiiKey(client, without)).rejects.toThrow(new RegExp(`enrollments ${IDS.enrollment}: .*key version ${currentVersion} is not in PII_ENCRYPTION_KEYS`));
    expect(await stored()).toEqual(before);
  });

  it("re-seals everything with the new key and re-indexes with the new index key, once, audited", async () => {
    const report = await rotatePiiKey(client, rotated);
    expect(report).toMatchObject({ keyVersion: 2, sealedValues: 0, resealedValues: VALUES, reindexed: 1 });
    expect(Object.keys(report.tables)).toEqual(TABLES);
    expect(Object.values(report.tables).map((t) => t.updated)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    // Once done, the old key can go.
    await expectOpensTo(piiKeysFromEnv({ PII_ENCRYPTION_KEYS: `2:${K2}`, PII_INDEX_KEY: INDEX2 }));
    const again = await rotatePiiKey(client, rotated);
    expect(again).toMatchObject({ sealedValues: 0, resealedValues: 0, reindexed: 0 });
    const audits = await client.query<{ details: Record<string, number> }>("SELECT details FROM audit_events WHERE action = 'pii.key_rotated'");
    expect(audits.rows.map((r) => r.details)).toEqual([{ keyVersion: 2, sealed: 0, resealed: VALUES, reindexed: 1, rows: 7 }]);
  });

  it("the command prints counts, never a value", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/rotate-pii-key.ts"], {
      env: { ...process.env, DATABASE_URL: scratch.url, PII_ENCRYPTION_KEYS: `2:${K2}`, PII_INDEX_KEY: INDEX2 },
    });
    expect(stdout).toContain("under PII key version 2: 0 sealed from clear, 0 re-sealed, 0 enrollments re-indexed");
    expect(stdout).toContain("enrollments: 0 of 1 rows rewritten");
    for (const number of NUMBERS) expect(stdout).not.toContain(number);
  });
});
