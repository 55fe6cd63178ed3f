// Wire formats of the bank core (docs/CONTRACTS.md §2–3): what we send and what comes back.
// No mapping here; see map.ts for what these mean to the console.
import { z } from "zod";

// zod's ISO date knows month lengths and leap years, so 2023-02-29 is refused.
export const ZRealDate = z.iso.date({ error: "must be a real date YYYY-MM-DD" });
const ZIso2 = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code");
const ZNonBlank = (max: number) => z.string().max(max).refine((s) => s.trim() !== "", "required");
const ZFlag = z.union([z.literal(0), z.literal(1)]);

// ---- POST /core_customer ----------------------------------------------------------------

const ZSection = z.looseObject({});

/**
 * Only the shape is checked: the full field rules live with the enrollment schema, and the
 * core validates again. Loose on purpose: unknown keys are sent on unchanged (CONTRACTS §1).
 */
export const ZCoreCustomerRequest = z.looseObject({
  client_info: z.looseObject({ customer_number: z.int().positive().nullable().optional() }),
  client_documents: z.array(ZSection).min(1),
  client_location: ZSection,
  client_contact: ZSection,
  client_job_info: ZSection,
  client_references: ZSection,
  client_transactionality: ZSection,
  client_entity_branch: ZSection,
});
export type TCoreCustomerPayload = z.input<typeof ZCoreCustomerRequest>;

/** 201 */
export const ZCoreCustomerCreated = z.looseObject({ customer_number: z.int().positive() });
/** 4XX, on both endpoints when the core is not talking about accounts. */
export const ZCoreMessage = z.looseObject({ message: z.string() });

// ---- POST /core_product -----------------------------------------------------------------

export const ZRelatedClientInfo = z.strictObject({
  customer_number: z.int().positive().nullable().optional(),
  // CONTRACTS §3: the example's 6-character string wins over the table's "integer".
  related_wisenroll_code: z.string().length(6).nullable().optional(),
  // The example's name, not the table's `account_link_type`.
  account_link_type_code: ZNonBlank(2).nullable().optional(),
  authorized_signature: ZFlag.nullable().optional(),
  main_document: z
    .strictObject({
      document_type_code: ZNonBlank(20),
      document_number: ZNonBlank(20),
      // The example's name, not the table's `issuing_number_code`.
      issuing_country_code: ZIso2,
    })
    .nullable()
    .optional(),
});

/** Strict: this body is built by the console, so an unknown key is a bug, not data to keep. */
export const ZCoreProductRequest = z.strictObject({
  product_code: ZNonBlank(4),
  customer_number: z.int().positive(),
  open_date: ZRealDate,
  related_client_info: z.array(ZRelatedClientInfo).optional(),
});
export type TCoreProductRequest = z.input<typeof ZCoreProductRequest>;

/** CREATE entries carry the account number, ERROR entries the message (seed §Responses). */
export const ZAccountEntry = z
  .looseObject({
    action: z.enum(["CREATE", "ERROR"]),
    account_product: z.string(),
    account_number: z.string().nullable().optional(),
    message: z.string().nullable().optional(),
  })
  .refine((e) => e.action !== "CREATE" || (typeof e.account_number === "string" && e.account_number !== ""), {
    message: "a CREATE entry needs account_number",
  })
  .refine((e) => e.action !== "ERROR" || typeof e.message === "string", { message: "an ERROR entry needs message" });

// An empty list is not an answer: a 201 that names no account says nothing about what was opened.
const ZAccountList = z.array(ZAccountEntry).min(1);

/** 201 / 400. The examples say `accounts_info`, the table `account_info`: accept both. */
export const ZCoreProductResponse = z
  .looseObject({ accounts_info: ZAccountList.optional(), account_info: ZAccountList.optional() })
  .refine((body) => body.accounts_info !== undefined || body.account_info !== undefined, { message: "accounts_info is required" })
  .transform((body) => body.accounts_info ?? body.account_info ?? []);
export type TAccountEntry = z.infer<typeof ZAccountEntry>;
