import { describe, expect, it } from "vitest";
import { reasonText } from "@/tests/reason-text";
import { reasonFromText, reasonToText, ZReason, type TReason, type TReasonCode } from "./reason";

const refused: TReason = { code: "net.errno", errno: "ECONNREFUSED" };
const timeout: TReason = { code: "net.timeout", ms: 30000 };

/** One reason of every code, each with what the English UI said before reasons were codes. */
const CASES: Array<[TReason, string]> = [
  [timeout, "timeout after 30000 ms"],
  [{ code: "net.aborted" }, "aborted by the caller"],
  [refused, "connection refused (ECONNREFUSED)"],
  [{ code: "net.errno", errno: "UND_ERR_SOCKET" }, "connection closed by the server (UND_ERR_SOCKET)"],
  [{ code: "net.error", detail: "weird [redacted]" }, "network error: weird [redacted]"],
  [{ code: "net.port_blocked" }, "port blocked by fetch"],
  [{ code: "net.unknown_scheme" }, "unsupported URL scheme"],
  [{ code: "net.body_lost", status: 201, cause: { code: "net.errno", errno: "UND_ERR_SOCKET" } }, "HTTP 201 but the body was lost: connection closed by the server (UND_ERR_SOCKET)"],
  [{ code: "request.invalid_url" }, "invalid URL"],
  [{ code: "request.unsupported_scheme", scheme: "ftp:" }, "unsupported URL scheme ftp:"],
  [{ code: "request.url_credentials" }, "URL carries credentials; configure them as auth instead"],
  [{ code: "request.basic_colon" }, "Basic auth username must not contain ':'"],
  [{ code: "request.header_chars" }, "credentials contain characters not allowed in an HTTP header"],
  [{ code: "request.invalid", detail: "core_customer: invalid request: client_info: Required" }, "invalid request, nothing was sent: core_customer: invalid request: client_info: Required"],
  [{ code: "call.not_sent", cause: refused }, "not sent: connection refused (ECONNREFUSED)"],
  [{ code: "call.no_answer", cause: timeout }, "no answer: timeout after 30000 ms"],
  [{ code: "call.worker_stopped", target: "core" }, "The worker stopped while this request was in flight; it may have reached the core."],
  [{ code: "http.status", status: 503 }, "HTTP 503"],
  [{ code: "http.empty_body", status: 403 }, "HTTP 403 with an empty body"],
  [{ code: "http.instead_of", status: 200, expected: 201 }, "HTTP 200 instead of 201"],
  [{ code: "http.no_customer_number", status: 201, body: "unexpected" }, "HTTP 201 without a valid customer_number (body has an unexpected shape)"],
  [{ code: "http.no_accounts", status: 201, body: "not_json" }, "HTTP 201 without a readable accounts_info (body is not JSON)"],
  [{ code: "http.not_accepted", status: 200, body: "not_json" }, "HTTP 200 without REQUEST_ACCEPTED (body is not JSON)"],
  [{ code: "http.amlyze_error", status: 500, detail: "Internal Server Error" }, "HTTP 500: Internal Server Error"],
  [{ code: "http.amlyze_error", status: 500, detail: null }, "HTTP 500: body is not valid JSON"],
  [{ code: "core.message", message: "El campo {x} no es válido" }, "El campo {x} no es válido"],
  [{ code: "core.accounts", accounts: [{ product: "AH01-X", message: "limit" }, { product: "AH01-Y", message: null }] }, "AH01-X: limit\nAH01-Y"],
  [{ code: "amlyze.errors", errors: [{ code: "C007", message: "riskManagementCategory FAST does not exist" }, { message: "Not Found" }] }, "C007: riskManagementCategory FAST does not exist\nNot Found"],
  [{ code: "text", text: "core_customer: no answer: timeout after 5 ms (after 4 attempts)" }, "core_customer: no answer: timeout after 5 ms (after 4 attempts)"],
  [{ code: "push.customer_failed", cause: { code: "call.no_answer", cause: timeout }, attempts: 1 }, "core_customer: no answer: timeout after 30000 ms (after 1 attempt)"],
  [{ code: "push.customer_failed", cause: { code: "http.status", status: 500 }, attempts: 4 }, "core_customer: HTTP 500 (after 4 attempts)"],
  [{ code: "push.unknown_outcome", products: ["AH01", "CC01"] }, "AH01, CC01: the core's answer is unknown; check the core and reconcile."],
  [{ code: "push.identity_conflict" }, "Not sent: this document is another person's in the core (another name or birth date). An officer must decide who this is before it can be pushed."],
  [
    { code: "push.products", items: [{ product: "AH01", reason: { code: "core.accounts", accounts: [{ product: "AH01-X", message: "limit" }] } }, { product: "CC01", reason: { code: "product.not_sent_yet" } }] },
    "AH01: AH01-X: limit\nCC01: not sent yet",
  ],
  [
    { code: "push.products_not_opened", items: [{ product: "AH01", reason: { code: "product.confirmed_not_created" } }, { product: "CC01", reason: { code: "call.not_sent", cause: refused } }] },
    "Customer saved; products AH01, CC01 not opened — push again to open them.\nCC01: not sent: connection refused (ECONNREFUSED)",
  ],
  [{ code: "product.not_sent_yet" }, "not sent yet"],
  [{ code: "product.refused" }, "refused by the core"],
  [{ code: "product.partly_opened" }, "partly opened"],
  [{ code: "product.confirmed_not_created" }, "Confirmed not created in the core; push again to send it."],
  [{ code: "aml.circuit_open", until: "2026-11-22T10:00:00.000Z" }, "AMLYZE is failing: calls are paused until 2026-11-22T10:00:00.000Z (circuit open)"],
  [{ code: "aml.attempt_failed", attempt: 1, cause: { code: "http.amlyze_error", status: 500, detail: null } }, "Attempt 1: HTTP 500: body is not valid JSON"],
  [{ code: "aml.failed_after", cause: { code: "http.amlyze_error", status: 500, detail: null }, attempts: 3 }, "HTTP 500: body is not valid JSON (after 3 attempts)"],
  [{ code: "aml.no_answer" }, "no answer"],
  [{ code: "aml.stored_body_not_json" }, "simplified-customer request is invalid: the stored body is not JSON"],
];

/** Codes whose whole text is what the outside system (or the old row) said. */
const VERBATIM: ReadonlySet<TReasonCode> = new Set(["core.message", "core.accounts", "amlyze.errors", "text"]);

describe("reasons", () => {
  it("every code is covered here", () => {
    const codes = new Set(CASES.map(([reason]) => reason.code));
    // The discriminated union's options, read from the schema that parses stored reasons.
    const schema = ZReason as unknown as { def: { getter: () => { options: Array<{ shape: { code: { value: string } } }> } } };
    const known = schema.def.getter().options.map((option) => option.shape.code.value);
    expect([...codes].sort()).toEqual([...known].sort());
  });

  it.each(CASES)("%j reads in English as the console wrote it before", (reason, english) => {
    expect(reasonText(reason, "en")).toBe(english);
  });

  it.each(CASES)("%j has its own Spanish words (the outside systems' words stay verbatim)", (reason, english) => {
    const spanish = reasonText(reason, "es");
    if (VERBATIM.has(reason.code)) expect(spanish).toBe(english);
    else if (reason.code === "http.status" || reason.code === "net.errno" || (reason.code === "http.amlyze_error" && reason.detail !== null)) expect(spanish).toBeTruthy();
    else expect(spanish).not.toBe(english);
  });

  it("Spanish examples", () => {
    expect(reasonText({ code: "push.unknown_outcome", products: ["AH01"] }, "es")).toBe("AH01: la respuesta del core es desconocida; revise el core y concilie.");
    expect(reasonText({ code: "push.customer_failed", cause: { code: "call.not_sent", cause: refused }, attempts: 4 }, "es")).toBe(
      "core_customer: no enviado: conexión rechazada (ECONNREFUSED) (tras 4 intentos)",
    );
    expect(reasonText({ code: "push.products", items: [{ product: "AH01", reason: { code: "product.refused" } }] }, "es")).toBe("AH01: rechazado por el core");
  });

  it("the core's message is a parameter: kept verbatim inside our own words, never parsed as a message", () => {
    const message = "Documento 001-1234567-8 bloqueado: {cliente} 'no' #1";
    const reason: TReason = { code: "push.products", items: [{ product: "CC01", reason: { code: "core.message", message } }] };
    expect(reasonText(reason, "es")).toBe(`CC01: ${message}`);
    expect(reasonText({ code: "aml.attempt_failed", attempt: 2, cause: { code: "http.amlyze_error", status: 503, detail: message } }, "es")).toBe(`Intento 2: HTTP 503: ${message}`);
  });

  it("an unknown network code falls back to the code itself", () => {
    expect(reasonText({ code: "net.errno", errno: "EWHATEVER" }, "en")).toBe("network error: EWHATEVER");
  });

  it("round-trips through its stored text; anything else is old text shown as it is", () => {
    for (const [reason] of CASES) expect(reasonFromText(reasonToText(reason))).toEqual(reason);
    expect(reasonFromText("AH01: Not sent: connection refused (ECONNREFUSED)")).toEqual({ code: "text", text: "AH01: Not sent: connection refused (ECONNREFUSED)" });
    // JSON that is not a reason (a core's raw body stored as its message) is old text too.
    expect(reasonFromText('{"code":"E12","message":"no"}')).toEqual({ code: "text", text: '{"code":"E12","message":"no"}' });
    expect(reasonFromText('{"code":"push.products"}')).toEqual({ code: "text", text: '{"code":"push.products"}' });
  });
});
