// Who an enrollment is: its main document and the identity key derived from it. The one home of
// this rule; intake columns, the push, the reveal and matching across enrollments all call it.
//
// - The main document is the one marked `main: 1` (the first of them if several are: the payload
//   then breaks "exactly one main" and cannot be pushed), else the first document.
// - The identity key is the main document's type, number and issuing country: the number in the
//   form the queue search indexes (normalizeIdentityNumber: NFKC, upper case, no spaces, dashes,
//   dots or slashes), the type and country trimmed and upper-cased.
// - Fields are read under the field table's names only (lib/enrollment/field-table.ts).
import crypto from "node:crypto";
import { normalizeIdentityNumber } from "@/lib/crypto/pii";
import { isIsoDate } from "./iso-date";

/** One document of `client_documents`, as the payload has it (text trimmed, empty as null). */
export type TDocument = { index: number; type: string | null; number: string | null; country: string | null; main: boolean };

/** A person's identity: what two enrollments must share to be the same person to the core. */
export type TIdentity = { type: string; number: string; country: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const text = (value: unknown): string | null => {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
};

/** Every document of a payload, in order (an entry that is not an object is skipped). */
export function documentsOf(payload: unknown): TDocument[] {
  const documents = isRecord(payload) && Array.isArray(payload.client_documents) ? payload.client_documents : [];
  return documents.flatMap((doc, index) =>
    isRecord(doc)
      ? [{ index, type: text(doc.document_type_code), number: text(doc.document_number), country: text(doc.issuing_country_code), main: doc.main === 1 }]
      : [],
  );
}

/** The main document: the first marked `main: 1`, else the first document; null when there is none. */
export function mainDocument(payload: unknown): TDocument | null {
  const documents = documentsOf(payload);
  return documents.find((doc) => doc.main) ?? documents[0] ?? null;
}

/** The identity key of a document; null unless its type, number and country are all there. */
export function identityOf(doc: TDocument | null): TIdentity | null {
  if (!doc?.type || !doc.number || !doc.country) return null;
  const number = normalizeIdentityNumber(doc.number);
  if (number === "") return null;
  return { type: doc.type.toUpperCase(), number, country: doc.country.toUpperCase() };
}

/** The identity of an enrollment's payload (its main document's), or null. */
export const identityOfPayload = (payload: unknown): TIdentity | null => identityOf(mainDocument(payload));

/** Whether two identities are the same person's to the core. */
export const sameIdentity = (a: TIdentity | null, b: TIdentity | null): boolean =>
  a !== null && b !== null && a.type === b.type && a.number === b.number && a.country === b.country;

/**
 * The blind index of an identity (hex HMAC-SHA256 under the PII index key): enrollments of one
 * person share it, and it reveals nothing of the number. Labelled apart from the number-only index.
 */
export function identityIndex(identity: TIdentity | null, indexKey: Buffer): string | null {
  if (!identity) return null;
  return crypto.createHmac("sha256", indexKey).update(`identity\u0000${identity.type}\u0000${identity.number}\u0000${identity.country}`, "utf8").digest("hex");
}

/** Who a person says they are, apart from their document: the full name and the birth date. */
export type TPerson = { name: string; birthDate: string };

/**
 * The person of a payload: first, middle, last and second last name (accents, case and spacing
 * folded away, so "Núñez" and "NUNEZ " are one name) and the birth date as given; null unless both
 * are there and the birth date is a real date (an impossible one, 1990-02-30, identifies nobody: it
 * is a field in error, and every such row would otherwise look like one person). Two enrollments with one person and different documents may be a duplicate; one
 * document with two persons is a conflict.
 */
export function personOf(payload: unknown): TPerson | null {
  const info = isRecord(payload) && isRecord(payload.client_info) ? payload.client_info : {};
  const name = [info.first_name, info.middle_name, info.last_name, info.middle_last_name]
    .map(text)
    .filter((part): part is string => part !== null)
    .join(" ")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toUpperCase()
    .replace(/\s+/gu, " ");
  const birthDate = text(info.birth_date);
  if (name === "" || birthDate === null || !isIsoDate(birthDate)) return null;
  return { name, birthDate };
}

/** The blind index of a person (name + birth date) under the PII index key; null without one. */
export function personIndex(person: TPerson | null, indexKey: Buffer): string | null {
  if (!person) return null;
  return crypto.createHmac("sha256", indexKey).update(`person\u0000${person.name}\u0000${person.birthDate}`, "utf8").digest("hex");
}
