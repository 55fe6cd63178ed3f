import "server-only";
import { z } from "zod";
import { piiKeys, piiOwner } from "@/lib/crypto/pii";
import type { TDb } from "@/lib/db/types";
import { openIdentities } from "@/lib/pii/identities";

/** One enrollment with what the detail page shows, identity numbers opened; null when it does not exist. */
export async function getEnrollment(db: TDb, id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  const row = await db.enrollment.findUnique({
    where: { id },
    select: {
      id: true,
      payload: true,
      receivedPayload: true,
      requestedProducts: true,
      status: true,
      issueCount: true,
      version: true,
      fullName: true,
      wisenrollCode: true,
      receivedAt: true,
      customerNumber: true,
      amlStatus: true,
      lastEditedById: true,
      branchCode: true,
      owner: { select: { id: true, displayName: true, username: true } },
    },
  });
  if (!row) return null;
  const owner = piiOwner.enrollment(row.id);
  const { keyring } = piiKeys();
  const { owner: ownerRow, ...rest } = row;
  return {
    ...rest,
    owner: ownerRow ? { id: ownerRow.id, name: ownerRow.displayName || ownerRow.username } : null,
    payload: openIdentities(row.payload, owner, keyring),
    receivedPayload: openIdentities(row.receivedPayload, owner, keyring),
    requestedProducts: openIdentities(row.requestedProducts, owner, keyring),
  };
}
