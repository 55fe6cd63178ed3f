import { describe, expect, it } from "vitest";
import { BATCH_CONTENT_TYPE, parseCloudEvents } from "./cloud-event";

const CLOCK = { now: new Date(), maxClockSkewMs: 300_000 };

const bytes = (text: string) => Buffer.from(text, "utf8");
const binaryHeaders = (extra: Record<string, string> = {}) =>
  new Headers({
    "Content-Type": "application/json",
    "ce-specversion": "1.0",
    "ce-id": "evt-1",
    "ce-source": "EC-0190",
    "ce-type": "app.amlyze.customer.screening.pep.completed",
    ...extra,
  });

describe("parseCloudEvents, binary mode", () => {
  it("reads the attributes from ce-* headers and the data from the body; keeps both raw", () => {
    const body = '{"screeningMatch": true}';
    const parsed = parseCloudEvents(bytes(body), binaryHeaders({ "ce-subject": "100042", "ce-time": "2026-11-21T10:00:00Z", "ce-traceparent": "00-abc" }), CLOCK);
    expect(parsed).toEqual({
      ok: true,
      events: [
        {
          id: "evt-1",
          source: "EC-0190",
          type: "app.amlyze.customer.screening.pep.completed",
          subject: "100042",
          time: new Date("2026-11-21T10:00:00Z"),
          data: { screeningMatch: true },
          raw: body,
          rawHeaders: {
            "content-type": "application/json",
            "ce-specversion": "1.0",
            "ce-id": "evt-1",
            "ce-source": "EC-0190",
            "ce-type": "app.amlyze.customer.screening.pep.completed",
            "ce-subject": "100042",
            "ce-time": "2026-11-21T10:00:00Z",
            "ce-traceparent": "00-abc",
          },
        },
      ],
      refused: [],
    });
  });

  it("percent-decodes attribute values, and stores the header as received", () => {
    const parsed = parseCloudEvents(bytes("{}"), binaryHeaders({ "ce-source": "urn:amlyze:%C3%A9%20x" }), CLOCK);
    expect(parsed.ok && parsed.events[0]!.source).toBe("urn:amlyze:é x");
    expect(parsed.ok && parsed.events[0]!.rawHeaders?.["ce-source"]).toBe("urn:amlyze:%C3%A9%20x");
  });

  it("names every missing attribute by its header", () => {
    const headers = new Headers({ "Content-Type": "application/json", "ce-id": "evt-1" });
    expect(parseCloudEvents(bytes("{}"), headers, CLOCK)).toEqual({
      ok: false,
      status: 400,
      message: "ce-specversion: required header missing (binary mode); ce-source: required header missing (binary mode); ce-type: required header missing (binary mode)",
    });
  });

  it("names a bad attribute by its header: specversion, time, an empty id, bad percent-encoding", () => {
    const message = (extra: Record<string, string>) => {
      const parsed = parseCloudEvents(bytes("{}"), binaryHeaders(extra), CLOCK);
      return parsed.ok ? "" : `${parsed.status} ${parsed.message}`;
    };
    expect(message({ "ce-specversion": "0.3" })).toBe('400 ce-specversion: must be "1.0" (CloudEvents 1.0)');
    expect(message({ "ce-time": "yesterday" })).toBe("400 ce-time: must be an RFC 3339 timestamp");
    expect(message({ "ce-id": " " })).toBe("400 ce-id: must not be empty");
    expect(message({ "ce-subject": "%E0%A4%A" })).toBe("400 ce-subject: not valid percent-encoding");
  });

  it("JSON data must be JSON; other data types are kept raw, not read; no body means no data", () => {
    expect(parseCloudEvents(bytes("{ nope"), binaryHeaders(), CLOCK)).toMatchObject({ ok: false, status: 400, message: expect.stringContaining("not valid JSON") });
    const text = parseCloudEvents(bytes("plain words"), binaryHeaders({ "Content-Type": "text/plain; charset=utf-8" }), CLOCK);
    expect(text).toMatchObject({ ok: true, events: [{ data: null, raw: "plain words", rawHeaders: expect.objectContaining({ "content-type": "text/plain; charset=utf-8" }) }] });
    expect(parseCloudEvents(bytes(""), binaryHeaders(), CLOCK)).toMatchObject({ ok: true, events: [{ data: null, raw: "" }] });
    expect(parseCloudEvents(Buffer.from([0xff, 0xfe]), binaryHeaders({ "Content-Type": "application/octet-stream" }), CLOCK)).toMatchObject({ ok: false, status: 400 });
    expect(parseCloudEvents(bytes('{"a":1}'), binaryHeaders({ "Content-Type": "application/vnd.amlyze+json" }), CLOCK)).toMatchObject({ ok: true, events: [{ data: { a: 1 } }] });
  });

  it("a CloudEvents Content-Type means structured mode even with ce-* headers", () => {
    const event = { specversion: "1.0", id: "s-1", source: "x", type: "t" };
    const parsed = parseCloudEvents(bytes(JSON.stringify(event)), binaryHeaders({ "Content-Type": "application/cloudevents+json" }), CLOCK);
    expect(parsed).toMatchObject({ ok: true, events: [{ id: "s-1", rawHeaders: null }] });
    const batch = parseCloudEvents(bytes(JSON.stringify([event])), binaryHeaders({ "Content-Type": BATCH_CONTENT_TYPE }), CLOCK);
    expect(batch).toMatchObject({ ok: true, events: [{ id: "s-1" }] });
  });
});

describe("parseCloudEvents, structured mode", () => {
  it("one event as application/json without ce-* headers; other media types without them: 415", () => {
    const event = { specversion: "1.0", id: "s-1", source: "x", type: "t", data: { a: 1 } };
    expect(parseCloudEvents(bytes(JSON.stringify(event)), new Headers({ "Content-Type": "application/json" }), CLOCK)).toMatchObject({ ok: true, events: [{ id: "s-1", data: { a: 1 } }] });
    expect(parseCloudEvents(bytes("a=b"), new Headers({ "Content-Type": "application/x-www-form-urlencoded" }), CLOCK)).toMatchObject({ ok: false, status: 415 });
  });
});

describe("parseCloudEvents, an event dated ahead of our clock", () => {
  const event = (id: string, time: string) => ({ specversion: "1.0", id, source: "EC-1", type: "t", time });
  const soon = new Date(CLOCK.now.getTime() + 60_000).toISOString();
  const far = "9999-12-31T23:59:59Z";

  it("within the skew it is taken; beyond, refused naming the attribute or header", () => {
    expect(parseCloudEvents(bytes(JSON.stringify(event("a", soon))), new Headers(), CLOCK)).toMatchObject({ ok: true });
    expect(parseCloudEvents(bytes(JSON.stringify(event("a", far))), new Headers(), CLOCK)).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/^time: more than 300 s ahead/) });
    expect(parseCloudEvents(bytes("{}"), binaryHeaders({ "ce-time": far }), CLOCK)).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/^ce-time: more than 300 s ahead/) });
  });

  it("in a batch it is refused alone", () => {
    const parsed = parseCloudEvents(bytes(JSON.stringify([event("a", soon), event("b", far)])), new Headers({ "Content-Type": BATCH_CONTENT_TYPE }), CLOCK);
    expect(parsed).toMatchObject({ ok: true, events: [{ id: "a" }], refused: [expect.stringMatching(/^\[1\]\.time: more than 300 s ahead/)] });
  });
});
