// The related-client picker of the push form: the rows its search returns, the search's input,
// and what picking a row fills in. No server imports: the form uses this module.
import { z } from "zod";
import type { TEnrollmentListItem } from "@/lib/queue/list-enrollments";

/** Another enrollment offered as a joint holder or beneficiary: identity numbers already masked. */
export type TRelatedCandidate = TEnrollmentListItem & {
  /** The core customer number (as text: a bigint), once the enrollment's customer was saved. */
  customerNumber: string | null;
  /** Of a branch outside the officer's scope: only the name, the masked document and the customer number are given. */
  otherBranch: boolean;
};

/**
 * A joint holder may be a customer of another branch: the picker still finds them, showing only
 * the name, the masked main document and the customer number (no id, code or status to follow).
 */
export function otherBranchView<T extends TRelatedCandidate>(row: T): T {
  return { ...row, id: `customer:${row.customerNumber ?? ""}`, wisenrollCode: null, status: "", otherBranch: true };
}

export const RELATED_SEARCH_MIN_LENGTH = 2;

/** The search: part of a name, a wisenroll code or a full document number. */
export const ZRelatedSearch = z.object({ q: z.string().trim().min(RELATED_SEARCH_MIN_LENGTH).max(100) });

/** A related client's wisenroll code as the push accepts it (push-input.ts: 6 characters). */
const RELATED_CODE = /^.{6}$/;

export type TPickedRelated = { customerNumber: string; relatedWisenrollCode: string };

/**
 * What picking a candidate fills in, keeping the push's contract (request-push.ts): an enrollment
 * whose customer is already in the core goes by its customer number; one not pushed yet by its
 * wisenroll code, which the push resolves when it is requested (customer number and main document
 * of that enrollment, if it has them by then). Null when the candidate can be named neither way.
 */
export function pickedRelated(candidate: Pick<TRelatedCandidate, "customerNumber" | "wisenrollCode">): TPickedRelated | null {
  if (candidate.customerNumber !== null && /^[1-9]\d*$/.test(candidate.customerNumber)) {
    return { customerNumber: candidate.customerNumber, relatedWisenrollCode: "" };
  }
  const code = candidate.wisenrollCode?.trim() ?? "";
  if (RELATED_CODE.test(code)) return { customerNumber: "", relatedWisenrollCode: code };
  return null;
}
