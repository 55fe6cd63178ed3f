// CloudEvents 1.0 over HTTP (the HTTP protocol binding), in its three modes:
// - structured: one event as a JSON object (application/cloudevents+json, or application/json
//   without ce-* headers);
// - batch: a JSON array of events (application/cloudevents-batch+json);
// - binary: the attributes in ce-* headers (percent-encoded where needed), the body is the
//   event's data and Content-Type its type. Recognised by its ce-* headers when the Content-Type
//   is not a CloudEvents one.
// Everything is checked before anything is stored. Each event of a batch is checked on its own:
// a bad one is named and refused, and never keeps the good ones sent with it from being stored.
import { z } from "zod";
import { aheadOfClock, unstorableProblems, type TEventClock } from "./event-checks";

export const MAX_BATCH_EVENTS = 100;
export const BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";

const ZRequiredText = (max: number) => z.string({ error: "required (a string)" }).refine((s) => s.trim() !== "", "must not be empty").pipe(z.string().max(max, `at most ${max} characters`));

/** The context attributes CloudEvents 1.0 requires, and the optional ones the console reads. */
export const ZCloudEvent = z.looseObject({
  specversion: z.literal("1.0", { error: 'must be "1.0" (CloudEvents 1.0)' }),
  id: ZRequiredText(255),
  source: ZRequiredText(1000),
  type: ZRequiredText(255),
  subject: z.string().max(255).nullish(),
  time: z.iso.datetime({ offset: true, error: "must be an RFC 3339 timestamp" }).nullish(),
  datacontenttype: z.string().nullish(),
  data: z.unknown().optional(),
  data_base64: z.string().optional(),
});

export type TIncomingEvent = {
  id: string;
  type: string;
  source: string;
  subject: string | null;
  time: Date | null;
  /** `data` as JSON; null when absent or sent as data_base64 (the raw text keeps it). */
  data: unknown;
  /** The event's JSON text as received (for a batch: that element, serialised; binary mode: the body). */
  raw: string;
  /** Binary mode: the ce-* headers and Content-Type as received, which with `raw` make the event; else null. */
  rawHeaders: Record<string, string> | null;
};

/** The request's headers: Web `Headers`, or an adapter over node's (names in lower case). */
export type TEventHeaders = { get(name: string): string | null; entries(): Iterable<[string, string]> };

/** refused: the problems of a batch's events refused alone (the others are in `events`). */
export type TParsedDelivery = { ok: true; events: TIncomingEvent[]; refused: string[] } | { ok: false; status: 400 | 415; message: string };

const decoder = new TextDecoder("utf-8", { fatal: true });

function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

function toEvent(value: z.infer<typeof ZCloudEvent>, raw: string): TIncomingEvent {
  return {
    id: value.id,
    type: value.type,
    source: value.source,
    subject: value.subject?.trim() ? value.subject.trim() : null,
    time: value.time ? new Date(value.time) : null,
    data: value.data === undefined ? null : value.data,
    raw,
    rawHeaders: null,
  };
}

const describe = (error: z.ZodError, prefix: string) =>
  error.issues.map((issue) => `${[prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body"}: ${issue.message}`).join("; ");

const BINARY_REQUIRED = ["specversion", "id", "source", "type"] as const;
const BINARY_ATTRIBUTES = [...BINARY_REQUIRED, "subject", "time"] as const;

/** application/json, text/json and any +json type: the data is JSON and the view reads it. */
const isJsonMedia = (media: string) => media === "application/json" || media === "text/json" || media.endsWith("+json");

/**
 * Binary mode: the attributes from the ce-* headers (percent-decoded, as the HTTP binding says),
 * the data from the body. A missing or bad attribute is named by its header.
 */
function parseBinary(body: Buffer, headers: TEventHeaders, media: string, clock: TEventClock): TParsedDelivery {
  const rawHeaders: Record<string, string> = {};
  for (const [name, value] of headers.entries()) {
    const lower = name.toLowerCase();
    if (lower.startsWith("ce-") || lower === "content-type") rawHeaders[lower] = value;
  }
  const attributes: Record<string, string> = {};
  const problems: string[] = [];
  for (const name of BINARY_ATTRIBUTES) {
    const value = rawHeaders[`ce-${name}`];
    if (value === undefined) continue;
    try {
      attributes[name] = decodeURIComponent(value);
    } catch {
      problems.push(`ce-${name}: not valid percent-encoding`);
    }
  }
  for (const name of BINARY_REQUIRED) if (rawHeaders[`ce-${name}`] === undefined) problems.push(`ce-${name}: required header missing (binary mode)`);
  for (const [name, value] of Object.entries(attributes)) problems.push(...unstorableProblems(value, `ce-${name}`));
  if (problems.length > 0) return { ok: false, status: 400, message: problems.join("; ") };
  const parsed = ZCloudEvent.safeParse(attributes);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => `ce-${issue.path.map(String).join(".")}: ${issue.message}`).join("; ");
    return { ok: false, status: 400, message };
  }
  const ahead = aheadOfClock(parsed.data.time, clock);
  if (ahead) return { ok: false, status: 400, message: `ce-time: ${ahead}` };
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    // raw_body is text: a binary payload could not be kept exactly, so it is refused whole.
    return { ok: false, status: 400, message: "body (the event's data) is not UTF-8" };
  }
  let data: unknown = null;
  if (text !== "" && isJsonMedia(media)) {
    try {
      data = JSON.parse(text);
    } catch {
      return { ok: false, status: 400, message: `body (the event's data) is not valid JSON, as its Content-Type ${media} says` };
    }
    const unstorable = unstorableProblems(data, "body (the event's data)");
    if (unstorable.length > 0) return { ok: false, status: 400, message: unstorable.join("; ") };
  }
  // Other data types are kept as received (raw, sealed as one string) and, like data_base64, not read by the view.
  return { ok: true, events: [{ ...toEvent(parsed.data, text), data, rawHeaders }], refused: [] };
}

/** One structured event (a batch's element, or the body): its problems, or the event. */
function checkStructured(item: unknown, raw: string, prefix: string, clock: TEventClock): { event: TIncomingEvent } | { problems: string[] } {
  const unstorable = unstorableProblems(item, prefix);
  if (unstorable.length > 0) return { problems: unstorable };
  const parsed = ZCloudEvent.safeParse(item);
  if (!parsed.success) return { problems: [describe(parsed.error, prefix)] };
  const ahead = aheadOfClock(parsed.data.time, clock);
  if (ahead) return { problems: [`${prefix ? `${prefix}.` : ""}time: ${ahead}`] };
  return { event: toEvent(parsed.data, raw) };
}

const hasBinaryAttributes = (headers: Pick<TEventHeaders, "get">) => BINARY_REQUIRED.some((name) => headers.get(`ce-${name}`) !== null);
const isStructuredMedia = (media: string) => media === BATCH_CONTENT_TYPE || media === "application/cloudevents+json";

/** Binary mode: ce-* attribute headers without a CloudEvents Content-Type (the signature must then cover them). */
export function isBinaryMode(headers: Pick<TEventHeaders, "get">): boolean {
  return !isStructuredMedia(mediaType(headers.get("content-type"))) && hasBinaryAttributes(headers);
}

/** Parses a delivery; the message names every problem found (paths or headers, never values). */
export function parseCloudEvents(body: Buffer, headers: TEventHeaders, clock: TEventClock): TParsedDelivery {
  const media = mediaType(headers.get("content-type"));
  const batch = media === BATCH_CONTENT_TYPE;
  const structured = isStructuredMedia(media);
  if (isBinaryMode(headers)) return parseBinary(body, headers, media, clock);
  if (media !== "" && !structured && media !== "application/json") {
    return {
      ok: false,
      status: 415,
      message: `Content-Type must be application/cloudevents+json, application/json or ${BATCH_CONTENT_TYPE}, or the event must be in binary mode (ce-specversion, ce-id, ce-source, ce-type headers)`,
    };
  }
  let text: string;
  try {
    text = decoder.decode(body);
  } catch {
    return { ok: false, status: 400, message: "body is not UTF-8" };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, message: "body is not valid JSON" };
  }
  if (batch) {
    if (!Array.isArray(json)) return { ok: false, status: 400, message: "a batch must be a JSON array of CloudEvents" };
    if (json.length === 0 || json.length > MAX_BATCH_EVENTS) return { ok: false, status: 400, message: `a batch holds 1 to ${MAX_BATCH_EVENTS} events` };
    const events: TIncomingEvent[] = [];
    const refused: string[] = [];
    json.forEach((item, index) => {
      // Checked before JSON.stringify, which would overflow on a deeply nested element.
      const checked = checkStructured(item, "", `[${index}]`, clock);
      if ("problems" in checked) refused.push(...checked.problems);
      else events.push({ ...checked.event, raw: JSON.stringify(item) });
    });
    return events.length === 0 ? { ok: false, status: 400, message: refused.join("; ") } : { ok: true, events, refused };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, status: 400, message: `body must be one CloudEvent (a JSON object); send arrays as ${BATCH_CONTENT_TYPE}` };
  }
  const checked = checkStructured(json, text, "", clock);
  return "problems" in checked ? { ok: false, status: 400, message: checked.problems.join("; ") } : { ok: true, events: [checked.event], refused: [] };
}
