// Identity numbers are stored sealed: tests that check what was stored open it as the console does.
import { piiOwner } from "@/lib/crypto/pii";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openIdentities, openText } from "@/lib/pii/identities";

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

/** Outbound call rows (or anything with request and response bodies) with the exact bytes opened. */
export function openBodies<T extends { enrollmentId: string; requestBody: string; responseBody?: string | null }>(rows: T[]): T[] {
  return rows.map((row) => {
    const owner = piiOwner.enrollmentBody(row.enrollmentId);
    return { ...row, requestBody: openText(row.requestBody, owner), ...(row.responseBody === undefined ? {} : { responseBody: openText(row.responseBody, owner) }) };
  });
}

/** related_client_info of product request rows, opened. */
export function openRelated<T extends { enrollmentId: string; relatedClientInfo: unknown }>(rows: T[]): T[] {
  return rows.map((row) => ({ ...row, relatedClientInfo: openIdentities(row.relatedClientInfo, piiOwner.enrollment(row.enrollmentId)) }));
}

/** AML event rows with the raw body and data opened. */
export function openEvents<T extends { eventId: string; rawBody: string; data: unknown }>(rows: T[]): T[] {
  return rows.map((row) => {
    const owner = piiOwner.amlEvent(row.eventId);
    return { ...row, rawBody: openText(row.rawBody, owner), data: openIdentities(row.data, owner) };
  });
}
