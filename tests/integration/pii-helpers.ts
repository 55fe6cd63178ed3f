// Identity numbers, and what the core and AMLYZE sent back, are stored sealed: tests that check
// what was stored open it as the console does, and read stored reasons as the English UI shows them.
import { piiOwner } from "@/lib/crypto/pii";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openIdentities, openJson, openReason, openText } from "@/lib/pii/identities";
import { reasonText } from "@/tests/reason-text";

/** Columns holding a reason (a code and parameters, sealed): read as the English UI shows them. */
const REASON_COLUMNS = ["error", "message", "pushError", "submissionMessage"] as const;
/** Columns holding a whole JSON answer sealed as one value. */
const JSON_COLUMNS = ["parsed", "errors", "accounts", "rawHeaders"] as const;

/** A row with every sealed reason rendered (English) and every sealed JSON answer opened, for `owner`. */
export function readStored<T extends object>(row: T, owner: string): T {
  const out = { ...row } as Record<string, unknown>;
  for (const column of REASON_COLUMNS) if (column in out) out[column] = reasonText(openReason(out[column] as string | null, owner));
  for (const column of JSON_COLUMNS) if (column in out) out[column] = openJson(out[column], owner);
  return out as T;
}

/** An enrollment row with its payloads opened. */
export async function loadOpenedEnrollment(db: PrismaClient, id: string) {
  const row = await db.enrollment.findUniqueOrThrow({ where: { id } });
  const owner = piiOwner.enrollment(id);
  return {
    ...row,
    payload: openIdentities(row.payload, owner),
    receivedPayload: openIdentities(row.receivedPayload, owner),
    requestedProducts: openIdentities(row.requestedProducts, owner),
  };
}

/** Outbound call rows (or AML submissions) with the exact bytes opened, and their reasons and parsed answers read. */
export function openBodies<T extends { enrollmentId: string; requestBody: string; responseBody?: string | null }>(rows: T[]): T[] {
  return rows.map((row) => {
    const owner = piiOwner.enrollmentBody(row.enrollmentId);
    const opened = { ...row, requestBody: openText(row.requestBody, owner), ...(row.responseBody === undefined ? {} : { responseBody: openText(row.responseBody, owner) }) };
    return readStored(opened, owner);
  });
}

/** Product request rows: related_client_info opened, the accounts the core reported opened, the reason read. */
export function openRelated<T extends { enrollmentId: string; relatedClientInfo: unknown }>(rows: T[]): T[] {
  return rows.map((row) => readStored({ ...row, relatedClientInfo: openIdentities(row.relatedClientInfo, piiOwner.enrollment(row.enrollmentId)) }, piiOwner.enrollmentBody(row.enrollmentId)));
}

/** AML event rows with the raw body, data and binary-mode headers opened. */
export function openEvents<T extends { eventId: string; rawBody: string; data: unknown }>(rows: T[]): T[] {
  return rows.map((row) => {
    const owner = piiOwner.amlEvent(row.eventId);
    return readStored({ ...row, rawBody: openText(row.rawBody, owner), data: openIdentities(row.data, owner) }, owner);
  });
}

/** An enrollment row with its push error read. */
export const readEnrollment = <T extends { id: string }>(row: T): T => readStored(row, piiOwner.enrollmentBody(row.id));

/** A customer's AML view row with its submission message read. */
export const readAmlCustomer = <T extends { customerExtId: string }>(row: T): T => readStored(row, piiOwner.amlCustomer(row.customerExtId));
