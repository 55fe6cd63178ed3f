import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/logger";

function capture() {
  const lines: string[] = [];
  const log = createLogger({ destination: { write: (chunk: string) => void lines.push(chunk) }, level: "info" });
  return { log, text: () => lines.join("") };
}

describe("logger redaction", () => {
  it("censors identity numbers at the top level and nested", () => {
    const { log, text } = capture();
    log.info({ document_number: "111110001", doc: { document_number: "2132322355" }, a: { b: { nationalCode: "9987441111" } }, form: { documentNumber: "556699130" } }, "x");
    for (const number of ["111110001", "2132322355", "9987441111", "556699130"]) expect(text()).not.toContain(number);
    expect(text()).toContain("[redacted]");
  });

  it("censors whole payloads, bodies and diffs, which may carry them anywhere inside", () => {
    const { log, text } = capture();
    const deep = { client_documents: [{ document_number: "M1112333999" }] };
    log.warn({ payload: deep, call: { requestBody: JSON.stringify(deep), responseBody: "78986888668" }, revision: { changes: [{ old: "788888888" }] }, event: { raw: "99914470141" } }, "y");
    for (const number of ["M1112333999", "78986888668", "788888888", "99914470141"]) expect(text()).not.toContain(number);
  });

  it("keeps the metadata that makes a line useful", () => {
    const { log, text } = capture();
    log.info({ enrollmentId: "e1", service: "core_customer", status: 201 }, "outbound call");
    expect(JSON.parse(text())).toMatchObject({ enrollmentId: "e1", service: "core_customer", status: 201, msg: "outbound call" });
  });
});
