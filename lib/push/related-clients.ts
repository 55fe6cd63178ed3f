import "server-only";
import type { TDb } from "@/lib/db/types";
import { inScope, type TScope } from "@/lib/desk/scope";
import { listItemColumns, toListItem, type TRawListItem } from "@/lib/queue/list-enrollments";
import { otherBranchView } from "./related-candidate";
import { customerNumberOf, wisenrollCodeOf, type TRelatedClientMatch, type TRelatedClientRef, type TRelatedEnrollment } from "./related-client";

type TRawRow = TRawListItem & { customer_number: string | null; branch_code: string | null };

/** The enrollment as the caller may see it: in full within their branches, otherwise as the picker shows another branch's. */
function toEnrollment(row: TRawRow, scope: TScope): TRelatedEnrollment {
  const enrollment = { ...toListItem(row), customerNumber: row.customer_number, otherBranch: false };
  return inScope(scope, row.branch_code) ? enrollment : otherBranchView(enrollment);
}

/**
 * What the console knows of each related client of a push of `enrollmentId`, in the order given
 * (related-client.ts says what each answer means). Two queries whatever the count: the enrollments
 * with the codes, and those with the customer numbers (the latest one when several share it).
 */
export async function resolveRelatedClients(db: TDb, options: { enrollmentId: string; clients: readonly TRelatedClientRef[]; scope: TScope }): Promise<TRelatedClientMatch[]> {
  const named = options.clients.map((client) => ({ code: wisenrollCodeOf(client.relatedWisenrollCode), number: customerNumberOf(client.customerNumber) }));
  const codes = [...new Set(named.flatMap((client) => (client.code ? [client.code] : [])))];
  const numbers = [...new Set(named.flatMap((client) => (client.number && !client.code ? [client.number] : [])))];
  const [byCode, byNumber, self] = await Promise.all([
    codes.length === 0
      ? []
      : db.$queryRaw<TRawRow[]>`SELECT ${listItemColumns}, customer_number::text AS customer_number, branch_code FROM enrollments WHERE wisenroll_code = ANY(${codes}::text[])`,
    numbers.length === 0
      ? []
      : db.$queryRaw<TRawRow[]>`
          SELECT DISTINCT ON (customer_number) ${listItemColumns}, customer_number::text AS customer_number, branch_code
          FROM enrollments WHERE customer_number = ANY(${numbers}::bigint[])
          ORDER BY customer_number, received_at DESC, id DESC`,
    db.enrollment.findUnique({ where: { id: options.enrollmentId }, select: { customerNumber: true } }),
  ]);
  const codeRows = new Map(byCode.map((row) => [row.wisenroll_code, row]));
  const numberRows = new Map(byNumber.map((row) => [row.customer_number, row]));
  const ownNumber = self?.customerNumber?.toString() ?? null;

  return named.map(({ code, number }): TRelatedClientMatch => {
    if (code) {
      const row = codeRows.get(code);
      if (!row) return { kind: "unknown_code" };
      if (row.id === options.enrollmentId) return { kind: "self", by: "code" };
      if (number && row.customer_number && row.customer_number !== number) return { kind: "other_customer", customerNumber: row.customer_number };
      return { kind: "enrollment", enrollment: toEnrollment(row, options.scope) };
    }
    if (!number) return { kind: "none" };
    if (number === ownNumber) return { kind: "self", by: "number" };
    const row = numberRows.get(number);
    return row ? { kind: "enrollment", enrollment: toEnrollment(row, options.scope) } : { kind: "unknown_customer", customerNumber: number };
  });
}
