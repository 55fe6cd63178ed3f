import "server-only";
import { enrollmentScopeSql, inScope, type TScope } from "@/lib/desk/scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { exactMatchCondition, listItemColumns, searchCondition, toListItem, type TRawListItem } from "@/lib/queue/list-enrollments";
import { otherBranchView, type TRelatedCandidate } from "./related-candidate";

/** How many candidates the picker shows: enough to choose from, few enough to read. */
export const RELATED_CANDIDATES_LIMIT = 8;

type TRawRow = TRawListItem & { customer_number: string | null; branch_code: string | null };

/**
 * Other enrollments that may be named as a related client of `excludeId`'s products, found by the
 * queue's search (exact wisenroll code, full document number through its blind index, part of the
 * name). Exact matches come first, then the names most like the search. Only enrollments the push
 * can reference are offered: one with a core customer number, or a 6-character wisenroll code.
 * People of branches outside `scope` are found too (joint holders cross branches) but shown only
 * as otherBranchView allows, so only those with a customer number, the one thing to name them by.
 */
export async function searchRelatedCandidates(db: PrismaClient, options: { q: string; excludeId: string; scope: TScope }): Promise<TRelatedCandidate[]> {
  const { q, excludeId, scope } = options;
  const rows = await db.$queryRaw<TRawRow[]>`
    SELECT ${listItemColumns}, customer_number::text AS customer_number, branch_code
    FROM enrollments
    WHERE id <> ${excludeId}::uuid
      AND (customer_number IS NOT NULL OR (char_length(wisenroll_code) = 6 AND ${enrollmentScopeSql(scope)}))
      AND ${searchCondition(q)}
    ORDER BY ${exactMatchCondition(q)} IS TRUE DESC, similarity(full_name, ${q}) DESC, full_name ASC, id ASC
    LIMIT ${RELATED_CANDIDATES_LIMIT}`;
  return rows.map((row) => {
    const candidate = { ...toListItem(row), customerNumber: row.customer_number, otherBranch: false };
    return inScope(scope, row.branch_code) ? candidate : otherBranchView(candidate);
  });
}
