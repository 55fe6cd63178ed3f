import { describe, expect, it } from "vitest";
import { DEFAULT_LINK_TYPE, emptyRelated, formFieldOf, productsFromRequested, pushFormSchema } from "./push-form-values";

describe("push form values", () => {
  it("prefills rows from the intake's requested products", () => {
    const rows = productsFromRequested(
      [
        { product_code: "AH01" },
        {
          product_code: "CC01",
          open_date: "2026-12-01",
          related_client_info: [
            { customer_number: 100002, authorized_signature: 1, main_document: { document_type_code: "SSN", document_number: "1", issuing_country_code: "US" } },
            { related_wisenroll_code: "ABC123", account_link_type_code: "J" },
          ],
        },
        "not an object",
      ],
      "2026-11-21",
    );
    expect(rows).toEqual([
      { productCode: "AH01", openDate: "2026-11-21", related: [] },
      {
        productCode: "CC01",
        openDate: "2026-12-01",
        related: [
          {
            customerNumber: "100002",
            relatedWisenrollCode: "",
            accountLinkTypeCode: DEFAULT_LINK_TYPE,
            authorizedSignature: 1,
            confirmUnknownCustomer: false,
            mainDocument: { documentTypeCode: "SSN", documentNumber: "1", issuingCountryCode: "US" },
          },
          { customerNumber: "", relatedWisenrollCode: "ABC123", accountLinkTypeCode: "J", authorizedSignature: 0, confirmUnknownCustomer: false, mainDocument: null },
        ],
      },
    ]);
    expect(productsFromRequested(null, "2026-11-21")).toEqual([]);
  });

  it("checks rows with the shared schema and the active codes", () => {
    const schema = pushFormSchema(["AH01"]);
    const ok = schema.safeParse({ products: [{ productCode: "AH01", openDate: "2026-11-21", related: [{ ...emptyRelated(), customerNumber: "100002" }] }] });
    expect(ok.success && ok.data.products[0]!.related[0]).toEqual({
      customerNumber: 100002,
      relatedWisenrollCode: null,
      accountLinkTypeCode: "O",
      authorizedSignature: 0,
      confirmUnknownCustomer: false,
      mainDocument: null,
    });
    const bad = schema.safeParse({ products: [{ productCode: "DP01", openDate: "2026-02-30", related: [emptyRelated()] }] });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["products.0.openDate", "products.0.related.0.customerNumber", "products.0.productCode"]));
  });

  it("maps the server's error paths to form fields", () => {
    expect(formFieldOf("products.0.productCode")).toBe("products.0.productCode");
    expect(formFieldOf("products.1.related.2.customer_number")).toBe("products.1.related.2.customerNumber");
    expect(formFieldOf("products.0.related.0.main_document.document_number")).toBe("products.0.related.0.mainDocument.documentNumber");
    expect(formFieldOf("products.0.related.0.main_document")).toBe("products.0.related.0.mainDocument");
    expect(formFieldOf("products.0.related.0.account_link_type_code")).toBe("products.0.related.0.accountLinkTypeCode");
    expect(formFieldOf("products.0.related.0")).toBeNull();
    expect(formFieldOf("version")).toBeNull();
  });
});
