// A joint holder or beneficiary as the push form names it (customer number and/or wisenroll
// code), and what the console knows of it: the one rule of "is this related client real", shared
// by the form's checks (through POST /api/enrollments/{id}/related-clients) and the push request
// (request-push.ts). No server imports: the form uses this module.
import { z } from "zod";
import type { TEnrollmentListItem } from "@/lib/queue/list-enrollments";

/** How a related client is named: what the push form holds, before zod's coercion. */
export const ZRelatedClientRef = z.object({
  customerNumber: z.string().trim().max(20).nullable(),
  relatedWisenrollCode: z.string().trim().max(20).nullable(),
});
export type TRelatedClientRef = z.infer<typeof ZRelatedClientRef>;

/** At most 10 products of 10 related clients each (push-input.ts). */
export const ZRelatedClientLookup = z.object({ clients: z.array(ZRelatedClientRef).min(1).max(100) });

/** The enrollment a related client is, identity numbers masked as in the queue. */
export type TRelatedEnrollment = TEnrollmentListItem & { customerNumber: string | null; otherBranch: boolean };

export type TRelatedClientMatch =
  /** Another enrollment: the core customer it is, or the one this push sends by its main document. */
  | { kind: "enrollment"; enrollment: TRelatedEnrollment }
  /** Named by wisenroll code, and no enrollment has it: nobody could identify this holder. */
  | { kind: "unknown_code" }
  /** The enrollment being pushed (by its code or its customer number): a customer is not their own joint holder. */
  | { kind: "self"; by: "code" | "number" }
  /** Both given, and the wisenroll code's enrollment is another core customer. */
  | { kind: "other_customer"; customerNumber: string }
  /** A customer number no enrollment of this console has: the core may know it; an officer confirms. */
  | { kind: "unknown_customer"; customerNumber: string }
  /** Nothing to look up yet (an empty or malformed value: the form's schema names it). */
  | { kind: "none" };

/** The messages the push refuses a related client with, on the field they concern (issue-messages.ts translates them). */
export const RELATED_MESSAGES = {
  unknownCode: "no enrollment has this wisenroll code",
  self: "this is the enrollment being pushed",
  unknownCustomer: "no enrollment of this console has this customer number: confirm that the core knows it",
  otherCustomer: (customerNumber: string) => `the enrollment with this wisenroll code is customer ${customerNumber}`,
} as const;

/** A field of the related client row and the message that refuses it; null when the push may go. */
export function relatedClientProblem(
  match: TRelatedClientMatch,
  confirmedUnknownCustomer: boolean,
): { field: "relatedWisenrollCode" | "customerNumber"; message: string } | null {
  switch (match.kind) {
    case "unknown_code":
      return { field: "relatedWisenrollCode", message: RELATED_MESSAGES.unknownCode };
    case "self":
      return { field: match.by === "code" ? "relatedWisenrollCode" : "customerNumber", message: RELATED_MESSAGES.self };
    case "other_customer":
      return { field: "customerNumber", message: RELATED_MESSAGES.otherCustomer(match.customerNumber) };
    case "unknown_customer":
      return confirmedUnknownCustomer ? null : { field: "customerNumber", message: RELATED_MESSAGES.unknownCustomer };
    default:
      return null;
  }
}

/** A customer number as the push takes it (a positive whole number), or null. */
export function customerNumberOf(value: string | number | null | undefined): string | null {
  const text = typeof value === "number" ? String(value) : (value ?? "").trim();
  return /^[1-9]\d{0,17}$/.test(text) ? text : null;
}

/** A wisenroll code as the push takes it (6 characters), or null. */
export function wisenrollCodeOf(value: string | null | undefined): string | null {
  const code = (value ?? "").trim();
  return code.length === 6 ? code : null;
}

/** How the push confirmation names one related client: who, their document masked, and their customer. */
export type TRelatedClientSummary = {
  /** The related enrollment's name; null when the console knows no enrollment of theirs. */
  name: string | null;
  /** The main document as the core gets it (given in the form, else the enrollment's), masked. */
  document: { type: string | null; masked: string; country: string | null } | null;
  customer:
    | { kind: "number"; number: string }
    /** Not in the core yet: this request sends them by their main document. */
    | { kind: "with_request" }
    /** A number the console has never seen, which the officer confirmed the core knows. */
    | { kind: "confirmed_unknown"; number: string };
};

/** The last four characters of a number behind dots, as the queue shows a main document. */
const masked = (number: string) => `••••${number.length > 4 ? number.slice(-4) : ""}`;

type TSummaryInput = {
  customerNumber: number | string | null;
  mainDocument: { documentTypeCode: string; documentNumber: string; issuingCountryCode: string } | null;
};

/** What the push confirmation says of a related client, from the form's values and the lookup's answer. */
export function relatedClientSummary(client: TSummaryInput, match: TRelatedClientMatch): TRelatedClientSummary {
  const enrollment = match.kind === "enrollment" ? match.enrollment : null;
  const given = client.mainDocument;
  const document = given
    ? { type: given.documentTypeCode, masked: masked(given.documentNumber), country: given.issuingCountryCode }
    : enrollment && enrollment.mainDocMasked
      ? { type: enrollment.mainDocType, masked: enrollment.mainDocMasked, country: enrollment.mainDocCountry }
      : null;
  const number = customerNumberOf(client.customerNumber) ?? enrollment?.customerNumber ?? null;
  const customer: TRelatedClientSummary["customer"] =
    match.kind === "unknown_customer" ? { kind: "confirmed_unknown", number: match.customerNumber } : number ? { kind: "number", number } : { kind: "with_request" };
  return { name: enrollment ? enrollment.fullName || null : null, document, customer };
}
