import { describe, expect, it } from "vitest";
import { settlement, type TSettledProduct } from "./settle";

const p = (productCode: string, status: TSettledProduct["status"], sentInPush: number | null = 2, message: string | null = null): TSettledProduct => ({
  productCode,
  status,
  sentInPush,
  message,
});

describe("settlement", () => {
  it("an unknown outcome anywhere waits for a person, whatever else happened", () => {
    expect(settlement([p("AH01", "opened"), p("CC01", "needs_reconciliation"), p("DP01", "refused")], 2).status).toBe("needs_reconciliation");
  });

  it("a product not sent (or confirmed not created) fails the push with its reason", () => {
    expect(settlement([p("AH01", "opened"), p("CC01", "queued", 2, "Not sent: connection refused")], 2)).toEqual({
      status: "failed",
      pushError: "CC01: Not sent: connection refused",
    });
    expect(settlement([p("AH01", "not_created", 1)], 2)).toEqual({ status: "failed", pushError: "AH01: not sent yet" });
  });

  it("only this push's refusals fail it; an earlier refusal was already reported", () => {
    expect(settlement([p("AH01", "refused", 2, "no")], 2)).toEqual({ status: "failed", pushError: "AH01: no" });
    expect(settlement([p("AH01", "refused", 1, "no"), p("CC01", "opened")], 2)).toEqual({ status: "pushed", pushError: null });
  });

  it("a partly opened product is pushed, with the refused account said on the enrollment", () => {
    expect(settlement([p("AH01", "partial", 2, "AH01-X: limit")], 2)).toEqual({ status: "pushed", pushError: "AH01: AH01-X: limit" });
  });

  it("everything opened (or nothing requested) is pushed with no error", () => {
    expect(settlement([p("AH01", "opened"), p("CC01", "opened")], 2)).toEqual({ status: "pushed", pushError: null });
    expect(settlement([], 1)).toEqual({ status: "pushed", pushError: null });
  });
});
