// The push form's values as the inputs hold them (text, before zod's coercion), how they are
// prefilled from the intake's requested_products, and where a server error path lands in the
// form. No server imports: the form uses this module.
import { z } from "zod";
import { ZProductInput } from "./push-input";

export type TMainDocumentFormValues = { documentTypeCode: string; documentNumber: string; issuingCountryCode: string };

export type TRelatedFormValues = {
  customerNumber: string;
  relatedWisenrollCode: string;
  accountLinkTypeCode: string;
  authorizedSignature: 0 | 1;
  /** The officer checked that the core knows a customer number this console has never seen. */
  confirmUnknownCustomer: boolean;
  mainDocument: TMainDocumentFormValues | null;
};

export type TProductFormValues = { productCode: string; openDate: string; related: TRelatedFormValues[] };

export type TPushFormValues = { products: TProductFormValues[] };

/** The link type the server applies when none is given (request-push.ts). */
export const DEFAULT_LINK_TYPE = "O";

export const INACTIVE_CODE_MESSAGE = "not an active product code";

/** The form's schema: the shared product schema, plus "only active codes" known in the browser. */
export function pushFormSchema(activeCodes: readonly string[]) {
  const active = new Set(activeCodes);
  return z.object({
    products: z
      .array(ZProductInput.refine((product) => active.has(product.productCode), { message: INACTIVE_CODE_MESSAGE, path: ["productCode"] }))
      .max(10, "at most 10 products per push"),
  });
}

export const emptyRelated = (): TRelatedFormValues => ({
  customerNumber: "",
  relatedWisenrollCode: "",
  accountLinkTypeCode: DEFAULT_LINK_TYPE,
  authorizedSignature: 0,
  confirmUnknownCustomer: false,
  mainDocument: null,
});

export const emptyMainDocument = (): TMainDocumentFormValues => ({ documentTypeCode: "", documentNumber: "", issuingCountryCode: "" });

export const emptyProduct = (openDate: string): TProductFormValues => ({ productCode: "", openDate, related: [] });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");

function relatedFromWire(value: unknown): TRelatedFormValues {
  const item = isRecord(value) ? value : {};
  const document = isRecord(item.main_document) ? item.main_document : null;
  return {
    customerNumber: text(item.customer_number),
    relatedWisenrollCode: text(item.related_wisenroll_code),
    accountLinkTypeCode: text(item.account_link_type_code) || DEFAULT_LINK_TYPE,
    authorizedSignature: item.authorized_signature === 1 ? 1 : 0,
    confirmUnknownCustomer: false,
    mainDocument: document
      ? { documentTypeCode: text(document.document_type_code), documentNumber: text(document.document_number), issuingCountryCode: text(document.issuing_country_code) }
      : null,
  };
}

/**
 * The intake's `requested_products` ([{product_code, open_date?, related_client_info?}], snake
 * case as the core names them) as form rows; the open date defaults to `today`.
 */
export function productsFromRequested(requested: unknown, today: string): TProductFormValues[] {
  if (!Array.isArray(requested)) return [];
  return requested.filter(isRecord).map((product) => ({
    productCode: text(product.product_code),
    openDate: text(product.open_date) || today,
    related: Array.isArray(product.related_client_info) ? product.related_client_info.map(relatedFromWire) : [],
  }));
}

const FIELD_PATH =
  /^products\.\d+\.(productCode|openDate|related\.\d+\.(customerNumber|relatedWisenrollCode|accountLinkTypeCode|authorizedSignature|mainDocument(\.(documentTypeCode|documentNumber|issuingCountryCode))?))$/;

/**
 * The form field of an error path from the push action. The server checks related clients in
 * the core's wire names (`products.0.related.1.main_document.document_number`); the form names
 * them in camel case. Null when no field matches (the error is then shown above the form).
 */
export function formFieldOf(serverPath: string): string | null {
  const path = serverPath
    .split(".")
    .map((segment) => segment.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()))
    .join(".");
  return FIELD_PATH.test(path) ? path : null;
}
