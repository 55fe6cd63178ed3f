import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { emptyRelated, pushFormSchema } from "@/lib/push/push-form-values";
import { ZResolveInput } from "@/lib/push/push-input";
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

  it("reads the server's refusal of a product code", () => {
    expect(pushIssueMessage("XX01 is not an active product code")).toEqual({ key: "inactiveCode", values: { code: "XX01" } });
    expect(pushIssueMessage("something new")).toBeNull();
  });
});
