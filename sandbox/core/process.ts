// The core's business answers, once auth and faults are out of the way.
import { describeIssues } from "../issues";
import type { CoreLedger } from "./ledger";
import { ZCoreCustomerBody, ZCoreProductBody } from "./validate";

export type TReply = { status: number; body: unknown };

type TAccountEntry =
  | { action: "CREATE"; account_product: string; account_number: string; message: null }
  | { action: "ERROR"; account_product: string | null; message: string };

const productError = (product: string | null, message: string): TReply => ({
  status: 400,
  body: { accounts_info: [{ action: "ERROR", account_product: product, message } satisfies TAccountEntry] },
});

// POST /core_customer
export function processCustomer(ledger: CoreLedger, input: unknown): TReply {
  const parsed = ZCoreCustomerBody.safeParse(input);
  if (!parsed.success) return { status: 400, body: { message: describeIssues(parsed.error) } };
  const { client_info: info, client_documents: documents } = parsed.data;
  // Exactly one main document is guaranteed by the schema.
  const main = documents.find((doc) => doc.main === 1);
  if (!main) return { status: 400, body: { message: "client_documents: exactly one document must have main: 1 (found 0)" } };
  const result = ledger.upsertCustomer({
    mainDocument: {
      document_type_code: main.document_type_code,
      document_number: main.document_number,
      issuing_country_code: main.issuing_country_code,
    },
    firstName: info.first_name,
    lastName: info.last_name,
    wisenrollCode: info.wisenroll_code,
    requestedNumber: info.customer_number ?? null,
    body: input,
  });
  if (!result.ok) return { status: result.status, body: { message: result.message } };
  return { status: 201, body: { customer_number: result.customerNumber } };
}

/** Suffix of the companion account a `partial` fault reports as failed. */
export const PARTIAL_ERROR_SUFFIX = "-2";

// POST /core_product
/** `partial`: also report a companion account as refused (with `message`, or the default one). */
export function processProduct(ledger: CoreLedger, input: unknown, partial: false | { message?: string } = false): TReply {
  const rawCode = typeof input === "object" && input !== null ? (input as Record<string, unknown>).product_code : undefined;
  const productForErrors = typeof rawCode === "string" ? rawCode : null;
  const parsed = ZCoreProductBody.safeParse(input);
  if (!parsed.success) return productError(productForErrors, describeIssues(parsed.error));
  const body = parsed.data;
  if (!ledger.hasCustomer(body.customer_number)) {
    return productError(body.product_code, `customer_number: customer ${body.customer_number} does not exist`);
  }
  const related = body.related_client_info ?? [];
  const relatedNumbers: number[] = [];
  for (const [index, item] of related.entries()) {
    if (item.customer_number === null || item.customer_number === undefined) continue;
    if (!ledger.hasCustomer(item.customer_number)) {
      return productError(body.product_code, `related_client_info[${index}].customer_number: customer ${item.customer_number} does not exist`);
    }
    relatedNumbers.push(item.customer_number);
  }
  const account = ledger.openAccount({
    accountProduct: body.product_code,
    productCode: body.product_code,
    customerNumber: body.customer_number,
    openDate: body.open_date,
    relatedCustomerNumbers: relatedNumbers,
  });
  const entries: TAccountEntry[] = [
    { action: "CREATE", account_product: account.accountProduct, account_number: account.accountNumber, message: null },
  ];
  if (partial) {
    entries.push({
      action: "ERROR",
      account_product: `${body.product_code}${PARTIAL_ERROR_SUFFIX}`,
      message: partial.message ?? "SANDBOX partial fault: companion account could not be opened",
    });
  }
  return { status: 201, body: { accounts_info: entries } };
}
