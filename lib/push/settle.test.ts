import { describe, expect, it } from "vitest";
import { reasonText } from "@/tests/reason-text";
import type { TReason } from "@/lib/reasons/reason";
import { settlement, type TSettledProduct } from "./settle";

const p = (productCode: string, status: TSettledProduct["status"], sentInPush: number | null = 2, message: TReason | null = null): TSettledProduct => ({
  productCode,
  status,
  sentInPush,
  message,
});
const core = (message: string): TReason => ({ code: "core.message", message });
/** The settlement with its reason as the English and the Spanish UI show it. */
const read = (products: TSettledProduct[], pushSeq: number) => {
  const result = settlement(products, pushSeq);
  return { status: result.status, en: reasonText(result.pushError, "en"), es: reasonText(result.pushError, "es") };
};

describe("settlement", () => {
  it("an unknown outcome anywhere waits for a person, whatever else happened", () => {
    const result = settlement([p("AH01", "opened"), p("CC01", "needs_reconciliation"), p("DP01", "refused")], 2);
    expect(result).toEqual({ status: "needs_reconciliation", pushError: { code: "push.unknown_outcome", products: ["CC01"] } });
    expect(read([p("AH01", "needs_reconciliation"), p("CC01", "needs_reconciliation")], 2)).toEqual({
      status: "needs_reconciliation",
      en: "AH01, CC01: the core's answer is unknown; check the core and reconcile.",
      es: "AH01, CC01: la respuesta del core es desconocida; revise el core y concilie.",
    });
  });

  it("a product not opened yet (not sent, or confirmed not created) leaves the customer saved, not failed: push again to open it", () => {
    const notSent: TReason = { code: "call.not_sent", cause: { code: "net.errno", errno: "ECONNREFUSED" } };
    expect(read([p("AH01", "opened"), p("CC01", "queued", 2, notSent)], 2)).toEqual({
      status: "customer_saved",
      en: "Customer saved; product CC01 not opened — push again to open it.\nCC01: not sent: connection refused (ECONNREFUSED)",
      es: "Cliente guardado; producto CC01 sin abrir: vuelva a enviar para abrirlo.\nCC01: no enviado: conexión rechazada (ECONNREFUSED)",
    });
    expect(read([p("AH01", "not_created", 1, { code: "product.confirmed_not_created" })], 2)).toEqual({
      status: "customer_saved",
      en: "Customer saved; product AH01 not opened — push again to open it.",
      es: "Cliente guardado; producto AH01 sin abrir: vuelva a enviar para abrirlo.",
    });
    expect(read([p("AH01", "not_created", 1, { code: "product.confirmed_not_created" }), p("CC01", "not_created", 1)], 2).en).toBe(
      "Customer saved; products AH01, CC01 not opened — push again to open them.\nCC01: not sent yet",
    );
  });

  it("a refusal of this push fails it, and names the products still waiting too", () => {
    expect(read([p("AH01", "refused", 2, core("no")), p("CC01", "not_created", 1, { code: "product.confirmed_not_created" })], 2)).toEqual({
      status: "failed",
      en: "AH01: no\nCC01: Confirmed not created in the core; push again to send it.",
      es: "AH01: no\nCC01: Confirmado que no se creó en el core; envíe de nuevo para mandarlo.",
    });
  });

  it("only this push's refusals fail it; an earlier refusal was already reported", () => {
    expect(read([p("AH01", "refused", 2, core("no"))], 2)).toEqual({ status: "failed", en: "AH01: no", es: "AH01: no" });
    expect(read([p("AH01", "refused", 2)], 2)).toEqual({ status: "failed", en: "AH01: refused by the core", es: "AH01: rechazado por el core" });
    expect(settlement([p("AH01", "refused", 1, core("no")), p("CC01", "opened")], 2)).toEqual({ status: "pushed", pushError: null });
  });

  it("a partly opened product is pushed, with the refused account said on the enrollment (the core's words verbatim)", () => {
    const accounts: TReason = { code: "core.accounts", accounts: [{ product: "AH01-X", message: "límite excedido" }] };
    expect(read([p("AH01", "partial", 2, accounts)], 2)).toEqual({ status: "pushed", en: "AH01: AH01-X: límite excedido", es: "AH01: AH01-X: límite excedido" });
    expect(read([p("AH01", "partial", 2)], 2)).toEqual({ status: "pushed", en: "AH01: partly opened", es: "AH01: abierto en parte" });
  });

  it("several products, one line each", () => {
    expect(read([p("AH01", "refused", 2, core("saldo")), p("CC01", "refused", 2)], 2).en).toBe("AH01: saldo\nCC01: refused by the core");
  });

  it("everything opened (or nothing requested) is pushed with no error", () => {
    expect(settlement([p("AH01", "opened"), p("CC01", "opened")], 2)).toEqual({ status: "pushed", pushError: null });
    expect(settlement([], 1)).toEqual({ status: "pushed", pushError: null });
  });
});
