// CloudEvents 1.0 in the HTTP binding's structured mode: one event as a JSON object
// (application/cloudevents+json, or application/json), or a batch as a JSON array
// (application/cloudevents-batch+json). Everything is checked before anything is stored.
import { z } from "zod";

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
  /** The event's JSON text as received (for a batch: that element, serialised). */
  raw: string;
};

export type TParsedDelivery = { ok: true; events: TIncomingEvent[] } | { ok: false; status: 400 | 415; message: string };

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
  };
}

const describe = (error: z.ZodError, prefix: string) =>
  error.issues.map((issue) => `${[prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body"}: ${issue.message}`).join("; ");

/** Parses a delivery; the message names every problem found (paths, never values). */
export function parseCloudEvents(body: Buffer, contentType: string | null): TParsedDelivery {
  const media = mediaType(contentType);
  const batch = media === BATCH_CONTENT_TYPE;
  if (media !== "" && !batch && media !== "application/cloudevents+json" && media !== "application/json") {
    return { ok: false, status: 415, message: `Content-Type must be application/cloudevents+json, application/json or ${BATCH_CONTENT_TYPE}` };
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
    const problems: string[] = [];
    json.forEach((item, index) => {
      const parsed = ZCloudEvent.safeParse(item);
      if (parsed.success) events.push(toEvent(parsed.data, JSON.stringify(item)));
      else problems.push(describe(parsed.error, `[${index}]`));
    });
    return problems.length > 0 ? { ok: false, status: 400, message: problems.join("; ") } : { ok: true, events };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, status: 400, message: `body must be one CloudEvent (a JSON object); send arrays as ${BATCH_CONTENT_TYPE}` };
  }
  const parsed = ZCloudEvent.safeParse(json);
  if (!parsed.success) return { ok: false, status: 400, message: describe(parsed.error, "") };
  return { ok: true, events: [toEvent(parsed.data, text)] };
}
