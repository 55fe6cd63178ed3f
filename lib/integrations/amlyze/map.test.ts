import { describe, expect, it } from "vitest";
import { AMLYZE_MALFORMED_500_BODY } from "@/sandbox/amlyze-server";
import { responseOf } from "../test-helpers";
import { mapAmlyzeExchange, parseAmlyzeErrors } from "./map";
import { readable } from "@/tests/reason-text";

const response = (status: number, rawBody: string) => responseOf(status, rawBody, "http://amlyze/x");

describe("parseAmlyzeErrors", () => {
  it("reads the seed's errors[] (strings or objects)", () => {
    expect(parseAmlyzeErrors(400, { errors: ["CommunicationNumber is mandatory", "Requester is mandatory"] }, "")).toEqual([
      { message: "CommunicationNumber is mandatory" },
      { message: "Requester is mandatory" },
    ]);
    expect(parseAmlyzeErrors(400, { errors: [{ code: "001", message: "communicationNumber is mandatory" }, { field: "x" }] }, "")).toEqual([
      { code: "001", message: "communicationNumber is mandatory" },
      { message: '{"field":"x"}' },
    ]);
  });

  it("reads the reference's errorCode form, with or without a description", () => {
    expect(parseAmlyzeErrors(400, { errorCode: "C002", errorDescription: "customerExtId is mandatory" }, "")).toEqual([{ code: "C002", message: "customerExtId is mandatory" }]);
    expect(parseAmlyzeErrors(400, { errorCode: "C007" }, "")).toEqual([{ code: "C007", message: "C007" }]);
  });

  it("reads the REQUEST_REJECTED form and keeps unreadable bodies as raw text", () => {
    expect(parseAmlyzeErrors(404, { resultType: "REQUEST_REJECTED", status: 404, error: "Not Found" }, "")).toEqual([{ message: "Not Found" }]);
    expect(parseAmlyzeErrors(500, undefined, AMLYZE_MALFORMED_500_BODY)).toEqual([{ message: AMLYZE_MALFORMED_500_BODY }]);
    expect(parseAmlyzeErrors(418, undefined, "")).toEqual([{ message: "HTTP 418 with an empty body" }]);
  });
});

describe("mapAmlyzeExchange", () => {
  it("only REQUEST_ACCEPTED is accepted", () => {
    expect(mapAmlyzeExchange(response(200, '{"resultType":"REQUEST_ACCEPTED"}'))).toEqual({ kind: "accepted" });
    expect(readable(mapAmlyzeExchange(response(200, '{"resultType":"OK"}')))).toEqual({ kind: "retryable", reason: "HTTP 200 without REQUEST_ACCEPTED (body has an unexpected shape)" });
    const rejected200 = '{"resultType":"REQUEST_REJECTED","status":400,"error":"Duplicate communicationNumber"}';
    expect(mapAmlyzeExchange(response(200, rejected200))).toEqual({ kind: "rejected", status: 200, errors: [{ message: "Duplicate communicationNumber" }], raw: rejected200 });
  });

  it("4XX is rejected with the raw body kept; 408/429/5XX are retryable", () => {
    const seed400 = '{\n    "errors": ["CommunicationNumber is mandatory"]\n}';
    expect(mapAmlyzeExchange(response(400, seed400))).toEqual({ kind: "rejected", status: 400, errors: [{ message: "CommunicationNumber is mandatory" }], raw: seed400 });
    expect(readable(mapAmlyzeExchange(response(429, "{}")))).toEqual({ kind: "retryable", reason: "HTTP 429: {}" });
    expect(readable(mapAmlyzeExchange(response(500, AMLYZE_MALFORMED_500_BODY)))).toEqual({ kind: "retryable", reason: "HTTP 500: body is not valid JSON" });
    expect(mapAmlyzeExchange(response(302, ""))).toEqual({ kind: "rejected", status: 302, errors: [{ message: "HTTP 302 with an empty body" }], raw: "" });
  });
});
