import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TEnrollmentOutcome } from "@/lib/intake/api-schemas";

const ZAccountsInfo = z.object({
  accounts_info: z.array(z.object({ action: z.string(), account_product: z.unknown(), account_number: z.unknown() })),
});

/** What the onboarding app may know of an enrollment's progress (no personal data). */
export async function getEnrollmentOutcome(db: PrismaClient, id: string): Promise<TEnrollmentOutcome | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const row = await db.enrollment.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      issueCount: true,
      customerNumber: true,
      amlStatus: true,
      outboundCalls: { where: { step: "core_product", outcome: "success" }, select: { parsed: true } },
    },
  });
  if (!row) return null;
  const accounts = row.outboundCalls.flatMap((call) => {
    const parsed = ZAccountsInfo.safeParse(call.parsed);
    if (!parsed.success) return [];
    return parsed.data.accounts_info
      .filter((entry) => entry.action === "CREATE")
      .map((entry) => ({ account_product: String(entry.account_product), account_number: String(entry.account_number) }));
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
