import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { emptyRelated, pushFormSchema } from "@/lib/push/push-form-values";
import { ZResolveInput } from "@/lib/push/push-input";
import { relatedClientProblem } from "@/lib/push/related-client";
import { accountNumberFormat, accountNumberProblem, DEFAULT_ACCOUNT_NUMBER_FORMAT } from "@/lib/product-codes/account-number-format";
import { pushIssueMessage } from "./issue-messages";

describe("push issue messages", () => {
  it("knows every message a broken push form produces, in both languages", () => {
    const broken = pushFormSchema(["AH01"]).safeParse({
      products: [
        { productCode: "", openDate: "2026-02-30", related: [emptyRelated(), { ...emptyRelated(), customerNumber: "abc", relatedWisenrollCode: "ABC", accountLinkTypeCode: "XYZ" }] },
        { productCode: "DP01", openDate: "2026-11-21", related: [{ ...emptyRelated(), customerNumber: "-1", mainDocument: { documentTypeCode: "", documentNumber: "1", issuingCountryCode: "USA" } }] },
      ],
    });
    const resolve = ZResolveInput.safeParse({ productRequestId: "0196a000-0000-7000-8000-000000000001", resolution: "opened", accountNumber: "" });
    const messages = [...broken.error!.issues, ...resolve.error!.issues].map((issue) => issue.message);
    expect(messages.length).toBeGreaterThan(7);
    for (const message of messages) {
      const known = pushIssueMessage(message);
      expect(known, message).not.toBeNull();
      expect(Object.keys(en.push.issues), message).toContain(known!.key);
      expect(Object.keys(es.push.issues), message).toContain(known!.key);
    }
  });

  it("knows every refusal of a related client, in both languages", () => {
    const problems = [
      relatedClientProblem({ kind: "unknown_code" }, false),
      relatedClientProblem({ kind: "self", by: "code" }, false),
      relatedClientProblem({ kind: "unknown_customer", customerNumber: "100999" }, false),
      relatedClientProblem({ kind: "other_customer", customerNumber: "100234" }, false),
    ];
    for (const problem of problems) {
      const known = pushIssueMessage(problem!.message);
      expect(known, problem!.message).not.toBeNull();
      expect(Object.keys(en.push.issues)).toContain(known!.key);
      expect(Object.keys(es.push.issues)).toContain(known!.key);
    }
    expect(pushIssueMessage("the enrollment with this wisenroll code is customer 100234")).toEqual({ key: "codeOfCustomer", values: { number: "100234" } });
  });

  it("knows every refusal of a reconciled account number, in both languages", () => {
    const letters = accountNumberFormat(null, ["AH0100000001", "AH01000001"]);
    const messages = [
      accountNumberProblem("abc", DEFAULT_ACCOUNT_NUMBER_FORMAT),
      accountNumberProblem("12", DEFAULT_ACCOUNT_NUMBER_FORMAT),
      accountNumberProblem("123", accountNumberFormat(12, [])),
      accountNumberProblem("a-b", letters),
      accountNumberProblem("abc", letters),
      accountNumberProblem("abc", accountNumberFormat(null, ["AH010001"])),
    ];
    for (const message of messages) {
      const known = pushIssueMessage(message!);
      expect(known, message!).not.toBeNull();
      expect(Object.keys(en.push.issues), message!).toContain(known!.key);
      expect(Object.keys(es.push.issues), message!).toContain(known!.key);
    }
    expect(pushIssueMessage("must be 12 digits")).toEqual({ key: "digits", values: { length: 12 } });
    expect(pushIssueMessage("must be 4 to 40 digits")).toEqual({ key: "digitsRange", values: { min: 4, max: 40 } });
  });

  it("reads the server's refusal of a product code", () => {
    expect(pushIssueMessage("XX01 is not an active product code")).toEqual({ key: "inactiveCode", values: { code: "XX01" } });
    expect(pushIssueMessage("something new")).toBeNull();
  });
});
