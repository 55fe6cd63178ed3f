import "server-only";
import { z } from "zod";
import { piiOwner } from "@/lib/crypto/pii";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TEnrollmentOutcome } from "@/lib/intake/api-schemas";
import { openJson } from "@/lib/pii/identities";

const ZStoredAccounts = z.array(z.object({ action: z.string(), accountProduct: z.string(), accountNumber: z.string().nullable() }));

/**
 * What the onboarding app may know of an enrollment's progress (no personal data), for the key
 * that sent it only: another key, even a valid one, gets null, as for an unknown id.
 */
export async function getEnrollmentOutcome(db: PrismaClient, options: { id: string; keyHash: string }): Promise<TEnrollmentOutcome | null> {
  const { id, keyHash } = options;
  if (!z.uuid().safeParse(id).success) return null;
  const row = await db.enrollment.findFirst({
    where: { id, intakeKeyHash: keyHash },
    select: {
      id: true,
      status: true,
      issueCount: true,
      customerNumber: true,
      amlStatus: true,
      productRequests: {
        where: { status: { in: ["opened", "partial"] } },
        orderBy: { position: "asc" },
        select: { productCode: true, accounts: true, resolvedAccountNumber: true },
      },
    },
  });
  if (!row) return null;
  // Accounts the core reported (CREATE entries), and those a person reconciled by hand.
  const accounts = row.productRequests.flatMap((product) => {
    if (product.resolvedAccountNumber) return [{ account_product: product.productCode, account_number: product.resolvedAccountNumber }];
    // Stored sealed as the core sent them (its ERROR messages may echo personal data).
    const parsed = ZStoredAccounts.safeParse(openJson(product.accounts, piiOwner.enrollmentBody(row.id)));
    if (!parsed.success) return [];
    return parsed.data
      .filter((entry) => entry.action === "CREATE" && entry.accountNumber !== null)
      .map((entry) => ({ account_product: entry.accountProduct, account_number: entry.accountNumber! }));
  });
  return {
    id: row.id,
    status: row.status,
    issues: row.issueCount,
    customer_number: row.customerNumber === null ? null : Number(row.customerNumber),
    accounts,
    aml_status: row.amlStatus,
  };
}
