import "server-only";
import { piiOwner } from "@/lib/crypto/pii";
import type { TDb } from "@/lib/db/types";
import { openJson } from "@/lib/pii/identities";
import { accountNumberFormat, type TAccountNumberFormat } from "@/lib/product-codes/account-number-format";

/** How many of the core's latest answers for a product its format is learnt from. */
const LEARN_FROM = 20;

/** The account numbers the core reported opening (CREATE entries) in its latest answers for `productCode`. */
async function earlierAccountNumbers(db: TDb, productCode: string): Promise<string[]> {
  const rows = await db.productRequest.findMany({
    where: { productCode, status: { in: ["opened", "partial"] } },
    orderBy: { updatedAt: "desc" },
    take: LEARN_FROM,
    select: { enrollmentId: true, accounts: true },
  });
  // Stored sealed as the core sent them; a number a person typed (resolvedAccountNumber) teaches nothing.
  return rows.flatMap((row) => {
    const accounts = openJson(row.accounts, piiOwner.enrollmentBody(row.enrollmentId));
    if (!Array.isArray(accounts)) return [];
    return accounts.flatMap((entry: unknown) => {
      const account = entry as { action?: unknown; accountNumber?: unknown };
      return account.action === "CREATE" && typeof account.accountNumber === "string" ? [account.accountNumber] : [];
    });
  });
}

/** The account number format of each product code (lib/product-codes/account-number-format.ts). */
export async function accountNumberFormats(db: TDb, productCodes: readonly string[]): Promise<Map<string, TAccountNumberFormat>> {
  const codes = [...new Set(productCodes)];
  const configured = new Map(
    (await db.productCode.findMany({ where: { code: { in: codes } }, select: { code: true, accountNumberLength: true } })).map((row) => [row.code, row.accountNumberLength]),
  );
  const formats = new Map<string, TAccountNumberFormat>();
  for (const code of codes) {
    const length = configured.get(code) ?? null;
    formats.set(code, accountNumberFormat(length, length === null ? await earlierAccountNumbers(db, code) : []));
  }
  return formats;
}
