import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { generateKey, parseKeyring, SecretDecryptionError } from "@/lib/crypto/secrets";
import {
  openChanges,
  openIdentities,
  openJson,
  openReason,
  openText,
  resealReason,
  scanChanges,
  scanIdentities,
  scanJson,
  scanText,
  sealChanges,
  sealIdentities,
  sealJson,
  sealReason,
  sealText,
} from "@/lib/pii/identities";
import type { TReason } from "@/lib/reasons/reason";
import { IDENTITY_FIELDS } from "@/lib/enrollment/field-table";

const K1 = generateKey();
const K2 = generateKey();
const keyring = parseKeyring(`1:${K1}`, "PII_ENCRYPTION_KEYS");
const OWNER = "enrollment:0193a6f0-0000-7000-8000-000000000001";
const fixture = JSON.parse(fs.readFileSync("fixtures/enrollments/seed-example-1.json", "utf8")) as Record<string, unknown>;
const NUMBERS = ["556699130", "M1112333999", "2132322355", "9987441111", "99914470141", "111110001", "78986888668", "788888888"];

describe("sealing identity numbers inside JSON", () => {
  it("seals every document number of a fixture, however deep, and opens it back exactly", () => {
    const sealed = sealIdentities(fixture, OWNER, keyring);
    const text = JSON.stringify(sealed);
    for (const number of NUMBERS) {
      expect(JSON.stringify(fixture)).toContain(number);
      expect(text).not.toContain(number);
    }
    // everything else is untouched
    expect((sealed.client_info as Record<string, unknown>).first_name).toBe("LUIS");
    expect(openIdentities(sealed, OWNER, keyring)).toEqual(fixture);
    expect(scanIdentities(fixture, keyring)).toEqual({ clear: NUMBERS.length, stale: 0 });
    expect(scanIdentities(sealed, keyring)).toEqual({ clear: 0, stale: 0 });
  });

  it("seals every field the field table marks as an identity number, at its place in the payload", () => {
    expect(IDENTITY_FIELDS.map((field) => `${field.section}.${field.path}`)).toEqual(
      expect.arrayContaining(["client_info.spouse_info.document_number", "client_documents.document_number", "client_references.first_personal_reference.document_number"]),
    );
    for (const [index, field] of IDENTITY_FIELDS.entries()) {
      const number = `FT${index}X${1000 + index}`;
      const leaf = field.path.split(".").reduceRight<unknown>((inner, key) => ({ [key]: inner }), number);
      const payload = { [field.section]: field.section === "client_documents" ? [leaf] : leaf };
      const sealed = JSON.stringify(sealIdentities(payload, OWNER, keyring));
      expect(sealed, `${field.section}.${field.path}`).not.toContain(number);
    }
  });

  it("keeps types and no-values: a number stays a number, null and \"\" stay unsealed", () => {
    const value = { a: { document_number: 12345678 }, b: [{ document_number: null }, { document_number: "" }], nationalCode: "X1", c: { document_number: { odd: 1 } } };
    const sealed = sealIdentities(value, OWNER, keyring);
    expect(sealed.b).toEqual([{ document_number: null }, { document_number: "" }]);
    expect(typeof sealed.a.document_number).toBe("string");
    expect(sealed.nationalCode).toMatch(/^pii:v1:/);
    expect(openIdentities(sealed, OWNER, keyring)).toEqual(value);
  });

  it("seals a value that only looks sealed, so it comes back as the string that arrived", () => {
    const value = { document_number: "pii:v1:not-really" };
    const sealed = sealIdentities(value, OWNER, keyring);
    expect(sealed.document_number).not.toBe("pii:v1:not-really");
    expect(openIdentities(sealed, OWNER, keyring)).toEqual(value);
  });

  it("refuses to open with the wrong key, for another owner, or after an edit", () => {
    const sealed = sealIdentities({ document_number: "111110001" }, OWNER, keyring);
    expect(() => openIdentities(sealed, OWNER, parseKeyring(`1:${K2}`))).toThrow(SecretDecryptionError);
    expect(() => openIdentities(sealed, "enrollment:other", keyring)).toThrow(SecretDecryptionError);
    const tampered = { document_number: sealed.document_number.slice(0, -6) + (sealed.document_number.endsWith("AAAA") ? "BBBB==" : "AAAA==") };
    expect(() => openIdentities(tampered, OWNER, keyring)).toThrow(SecretDecryptionError);
  });

  it("leaves clear values of rows written before sealing readable", () => {
    expect(openIdentities({ document_number: "111110001" }, OWNER, keyring)).toEqual({ document_number: "111110001" });
    expect(openText('{"a":1}', OWNER, keyring)).toBe('{"a":1}');
  });

  it("counts values under an old key as stale, for rotation", () => {
    const old = parseKeyring(`1:${K1}`);
    const rotated = parseKeyring(`2:${K2},1:${K1}`);
    const sealed = sealIdentities({ docs: [{ document_number: "1" }, { document_number: "2" }] }, OWNER, old);
    expect(scanIdentities(sealed, rotated)).toEqual({ clear: 0, stale: 2 });
    const resealed = sealIdentities(openIdentities(sealed, OWNER, rotated), OWNER, rotated);
    expect(scanIdentities(resealed, rotated)).toEqual({ clear: 0, stale: 0 });
    expect(openIdentities(resealed, OWNER, parseKeyring(`2:${K2}`))).toEqual({ docs: [{ document_number: "1" }, { document_number: "2" }] });
  });
});

describe("sealing revisions and bodies", () => {
  it("seals a diff's values when its path ends in an identity key or when they hold one", () => {
    const changes = [
      { path: "client_documents.0.document_number", old: "123456789", new: "987654321" },
      { path: "client_documents.1", old: null, new: { document_number: "555566667777", main: 0 } },
      { path: "client_contact.email", old: "a@example.com", new: "b@example.com" },
    ];
    const sealed = sealChanges(changes, OWNER, keyring);
    const text = JSON.stringify(sealed);
    for (const number of ["123456789", "987654321", "555566667777"]) expect(text).not.toContain(number);
    expect(sealed[2]).toEqual(changes[2]);
    expect(sealed[0]!.path).toBe("client_documents.0.document_number");
    expect(openChanges(sealed, OWNER, keyring)).toEqual(changes);
    expect(scanChanges(changes, keyring)).toEqual({ clear: 3, stale: 0 });
    expect(scanChanges(sealed, keyring)).toEqual({ clear: 0, stale: 0 });
  });

  it("seals a whole body as one value and gives back the exact bytes", () => {
    const body = '{"nationalCode":"111110001",  "firstName":"LUIS ALEJANDRO"}';
    const sealed = sealText(body, OWNER, keyring);
    expect(sealed).not.toContain("111110001");
    expect(openText(sealed, OWNER, keyring)).toBe(body);
    expect(sealText(null, OWNER, keyring)).toBeNull();
    expect(sealText("", OWNER, keyring)).toBe("");
    expect(scanText(body, keyring)).toEqual({ clear: 1, stale: 0 });
    expect(scanText(sealed, keyring)).toEqual({ clear: 0, stale: 0 });
    expect(() => openText(sealed, "enrollment_body:other", keyring)).toThrow(SecretDecryptionError);
  });
});

describe("sealing what the core and AMLYZE sent back", () => {
  const echo = "documento 556699130 bloqueado";
  const rotated = parseKeyring(`2:${K2},1:${K1}`, "PII_ENCRYPTION_KEYS");

  it("seals a whole JSON answer as one string and opens it back; nothing received stays as it is", () => {
    const accounts = [{ action: "ERROR", accountProduct: "AH01", accountNumber: null, message: echo }];
    const sealed = sealJson(accounts, OWNER, keyring);
    expect(typeof sealed).toBe("string");
    expect(JSON.stringify(sealed)).not.toContain("556699130");
    expect(openJson(sealed, OWNER, keyring)).toEqual(accounts);
    // A row written before sealing opens as it was.
    expect(openJson(accounts, OWNER, keyring)).toEqual(accounts);
    for (const nothing of [null, [], {}]) expect(sealJson(nothing, OWNER, keyring)).toEqual(nothing);
    expect(scanJson(accounts, keyring)).toEqual({ clear: 1, stale: 0 });
    expect(scanJson(sealed, keyring)).toEqual({ clear: 0, stale: 0 });
    expect(scanJson(sealed, rotated)).toEqual({ clear: 0, stale: 1 });
    expect(scanJson([], keyring)).toEqual({ clear: 0, stale: 0 });
    expect(() => openJson(sealed, "enrollment_body:other", keyring)).toThrow(SecretDecryptionError);
  });

  it("seals a reason with the outside words among its parameters; old clear text comes back as a text reason", () => {
    const reason: TReason = { code: "push.products", items: [{ product: "AH01", reason: { code: "core.message", message: echo } }] };
    const sealed = sealReason(reason, OWNER, keyring)!;
    expect(sealed).not.toContain("556699130");
    expect(sealed).not.toContain("push.products");
    expect(openReason(sealed, OWNER, keyring)).toEqual(reason);
    expect(sealReason(null, OWNER, keyring)).toBeNull();
    expect(openReason(null, OWNER, keyring)).toBeNull();
    expect(openReason(`AH01: ${echo}`, OWNER, keyring)).toEqual({ code: "text", text: `AH01: ${echo}` });
  });

  it("resealing a reason column: clear old text is sealed as a text reason, a sealed one moves to the current key", () => {
    const old = resealReason(`AH01: ${echo}`, OWNER, keyring)!;
    expect(old).not.toContain("556699130");
    expect(openReason(old, OWNER, keyring)).toEqual({ code: "text", text: `AH01: ${echo}` });
    const moved = resealReason(old, OWNER, rotated)!;
    expect(scanText(moved, rotated)).toEqual({ clear: 0, stale: 0 });
    expect(openReason(moved, OWNER, rotated)).toEqual({ code: "text", text: `AH01: ${echo}` });
    expect(resealReason(null, OWNER, keyring)).toBeNull();
  });
});
