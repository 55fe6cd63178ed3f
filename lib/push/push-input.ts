// The push action's input and result, shared by the push form (client) and the action (server).
import { z } from "zod";
import { ZRealDate } from "@/lib/integrations/core/schemas";

const ZIso2 = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code");
const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

/** A joint holder or beneficiary: an existing core customer, by number or by their enrollment. */
export const ZRelatedClientInput = z
  .object({
    customerNumber: z.preprocess(blankToNull, z.coerce.number().int("must be a whole number").positive("must be a positive number").nullable()),
    relatedWisenrollCode: z.preprocess(blankToNull, z.string().trim().length(6, "must be 6 characters").nullable()),
    accountLinkTypeCode: z.preprocess(blankToNull, z.string().trim().max(2, "at most 2 characters").nullable()),
    authorizedSignature: z.union([z.literal(0), z.literal(1)]),
    /** The officer checked that the core knows a customer number this console has never seen. */
    confirmUnknownCustomer: z.boolean().optional(),
    mainDocument: z
      .object({
        documentTypeCode: z.string().trim().min(1, "required").max(20, "at most 20 characters"),
        documentNumber: z.string().trim().min(1, "required").max(20, "at most 20 characters"),
        issuingCountryCode: ZIso2,
      })
      .nullable(),
  })
  .refine((r) => r.customerNumber !== null || r.relatedWisenrollCode !== null, {
    message: "give the customer number or the wisenroll code of the related client",
    path: ["customerNumber"],
  });
export type TRelatedClientInput = z.infer<typeof ZRelatedClientInput>;

export const ZProductInput = z.object({
  productCode: z.string().trim().min(1, "choose a product").max(4, "at most 4 characters"),
  openDate: ZRealDate,
  related: z.array(ZRelatedClientInput).max(10, "at most 10 related clients"),
});
export type TProductInput = z.infer<typeof ZProductInput>;

export const ZPushInput = z.object({
  enrollmentId: z.uuid(),
  /** The version the officer reviewed: a push of anything newer is refused. */
  version: z.number().int().positive(),
  /** New products to open with this push (earlier ones not yet sent go too). */
  products: z.array(ZProductInput).max(10, "at most 10 products per push"),
});
export type TPushInput = z.infer<typeof ZPushInput>;

export const ZResolveInput = z.discriminatedUnion("resolution", [
  z.object({
    productRequestId: z.uuid(),
    resolution: z.literal("opened"),
    accountNumber: z.string().trim().min(1, "enter the account number the core shows").max(40, "at most 40 characters"),
    note: z.string().trim().max(500, "at most 500 characters").optional(),
  }),
  z.object({
    productRequestId: z.uuid(),
    resolution: z.literal("not_created"),
    note: z.string().trim().max(500, "at most 500 characters").optional(),
  }),
]);
export type TResolveInput = z.infer<typeof ZResolveInput>;

/** The action's input: the resolution and the enrollment the product belongs to (which names its branch scope). */
export const ZResolveActionInput = z.intersection(z.object({ enrollmentId: z.uuid() }), ZResolveInput);
export type TResolveActionInput = z.infer<typeof ZResolveActionInput>;

export type TPushResult =
  | { kind: "queued"; pushSeq: number }
  | { kind: "in_progress" }
  | { kind: "stale"; currentVersion: number }
  | { kind: "not_ready"; issueCount: number }
  | { kind: "needs_reconciliation" }
  | { kind: "four_eyes" }
  /** One document, another name or birth date, and no officer has decided yet (identity-match.ts). */
  | { kind: "identity_conflict" }
  /** An officer decided the document is a different person's: it cannot be pushed with it. */
  | { kind: "different_person" }
  | { kind: "invalid"; errors: { path: string; message: string }[] };

export type TResolveResult =
  | { kind: "resolved"; status: string; enrollmentId: string }
  | { kind: "not_pending" }
  /** The account number is not one of this product's (lib/product-codes/account-number-format.ts). */
  | { kind: "invalid"; errors: { path: "accountNumber"; message: string }[] };
