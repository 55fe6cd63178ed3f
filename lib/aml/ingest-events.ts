// Stores AMLYZE's CloudEvents and folds them into each customer's AML view, all of one delivery
// in one transaction (nothing partial). Idempotent by event id: INSERT ... ON CONFLICT DO
// NOTHING, and only an event that was inserted changes the view. Order does not matter
// (lib/aml/view.ts), and an event may come before our own submission's 200, or for a customer
// the console does not know yet: it is stored, and linked when that customer appears.
// Set-based, so a delivery costs the same four statements whatever its size (the webhook also
// gathers concurrent deliveries into one, lib/aml/event-batcher.ts): insert the events (each
// one's customer resolved in the same statement), lock the customers of the events inserted,
// write their views back in one UPDATE. A delivery of duplicates only takes the first.
// A screening match on a customer of an enrollment adds its notification (two statements per hit).
import type pg from "pg";
import { v7 as uuidv7 } from "uuid";
import { piiKeys, piiOwner } from "@/lib/crypto/pii";
import { Prisma } from "@/lib/generated/prisma/client";
import { notifyAmlHit } from "@/lib/notifications/events";
import { sealIdentities, sealJson, sealText } from "@/lib/pii/identities";
import type { TIncomingEvent } from "./cloud-event";
import { lockAmlCustomers, pgRunner, saveAmlCustomers } from "./customer-store";
import { applyEvent, classifyEvent, orderingTime } from "./view";

export type TIngestResult = { stored: number; duplicates: number };

/** Longer than any customer number: the event is stored, but about nobody the view can hold. */
const MAX_EXT_ID = 64;

type TInserted = { event_id: string; received_at: Date; customer_ext_id: string | null; enrollment_id: string | null };

/**
 * Stores the events (the same id twice is one event) and returns the ids of those inserted now;
 * the others were stored before (or earlier in the list).
 */
export async function ingestEventsReturningInserted(pool: pg.Pool, events: readonly TIncomingEvent[]): Promise<Set<string>> {
  // Sorted by id, so concurrent deliveries insert (and wait on each other's rows) in one order.
  const unique = [...new Map(events.map((event) => [event.id, event])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // AMLYZE may echo a customer's nationalCode: the raw event is sealed whole, its data field by
  // field, and the headers of a binary-mode event (its attributes as received) whole.
  const { keyring } = piiKeys();
  const owner = (event: TIncomingEvent) => piiOwner.amlEvent(event.id);
  const client = await pool.connect();
  const run = pgRunner(client);
  let failed: Error | undefined;
  try {
    await client.query("BEGIN");
    // The customer: the subject, else the customer of the submission the source names.
    const inserted = await run<TInserted>(Prisma.sql`
      INSERT INTO aml_events (id, event_id, type, source, subject, time, data, raw_body, raw_headers, customer_ext_id, enrollment_id)
      SELECT v.id, v.event_id, v.type, v.source, v.subject, v.time, v.data, v.raw_body, v.raw_headers, r.customer_ext_id,
             (SELECT c.enrollment_id FROM aml_customers c WHERE c.customer_ext_id = r.customer_ext_id)
      FROM unnest(
        ${unique.map(() => uuidv7())}::uuid[], ${unique.map((e) => e.id)}::text[], ${unique.map((e) => e.type)}::text[],
        ${unique.map((e) => e.source)}::text[], ${unique.map((e) => e.subject)}::text[], ${unique.map((e) => e.time?.toISOString() ?? null)}::timestamptz[],
        ${unique.map((e) => (e.data === null ? null : JSON.stringify(sealIdentities(e.data, owner(e), keyring))))}::jsonb[],
        ${unique.map((e) => sealText(e.raw, owner(e), keyring))}::text[],
        ${unique.map((e) => (e.rawHeaders === null ? null : JSON.stringify(sealJson(e.rawHeaders, owner(e), keyring))))}::jsonb[]
      ) WITH ORDINALITY AS v(id, event_id, type, source, subject, time, data, raw_body, raw_headers, n)
      CROSS JOIN LATERAL (
        SELECT CASE WHEN length(x.ext_id) <= ${MAX_EXT_ID} THEN x.ext_id END AS customer_ext_id
        FROM (SELECT coalesce(v.subject, (SELECT s.customer_ext_id FROM aml_submissions s WHERE s.communication_number = v.source LIMIT 1)) AS ext_id) x
      ) r
      ORDER BY v.n
      ON CONFLICT (event_id) DO NOTHING
      RETURNING event_id, received_at, customer_ext_id, enrollment_id::text`);
    if (inserted.length > 0) await applyInserted(client, unique, inserted);
    await client.query("COMMIT");
    return new Set(inserted.map((row) => row.event_id));
  } catch (error) {
    failed = error as Error;
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release(failed);
  }
}

/** Folds the inserted events into their customers' views, under the customers' row locks. */
async function applyInserted(client: pg.PoolClient, events: readonly TIncomingEvent[], inserted: readonly TInserted[]): Promise<void> {
  const run = pgRunner(client);
  const byId = new Map(events.map((event) => [event.id, event]));
  const views = await lockAmlCustomers(
    run,
    inserted.flatMap((row) => (row.customer_ext_id === null ? [] : [row.customer_ext_id])),
  );
  const relink: Array<{ eventId: string; enrollmentId: string }> = [];
  const changed = new Set<string>();
  for (const row of inserted) {
    const view = row.customer_ext_id === null ? undefined : views.get(row.customer_ext_id);
    const event = byId.get(row.event_id);
    if (!view || !event) continue;
    // The customer was linked to an enrollment after this statement's snapshot: link the event too.
    if (view.enrollmentId !== null && view.enrollmentId !== row.enrollment_id) relink.push({ eventId: row.event_id, enrollmentId: view.enrollmentId });
    const when = orderingTime(event.time, row.received_at);
    const classified = classifyEvent({ id: event.id, type: event.type, time: when.toISOString(), data: event.data });
    view.results = applyEvent(view.results, classified);
    view.eventCount += 1;
    if (classified.kind === "unknown") view.unknownEventCount += 1;
    if (!view.lastEventAt || when > view.lastEventAt) view.lastEventAt = when;
    changed.add(view.customerExtId);
    // A match on a screening list: whoever pushed the customer hears of it (once per event).
    if (classified.kind === "screening" && classified.result.state === "completed" && classified.result.match === true) {
      await notifyAmlHit(run, { eventId: event.id, customerExtId: view.customerExtId, enrollmentId: view.enrollmentId, list: classified.list });
    }
  }
  await saveAmlCustomers(run, [...changed].sort().map((id) => views.get(id)!));
  if (relink.length > 0) {
    await run(Prisma.sql`
      UPDATE aml_events e SET enrollment_id = v.enrollment_id
      FROM unnest(${relink.map((r) => r.eventId)}::text[], ${relink.map((r) => r.enrollmentId)}::uuid[]) AS v(event_id, enrollment_id)
      WHERE e.event_id = v.event_id`);
  }
}

/** One delivery: `stored` new events, `duplicates` the rest (seen before, or twice in it). */
export async function ingestEvents(pool: pg.Pool, events: readonly TIncomingEvent[]): Promise<TIngestResult> {
  const inserted = await ingestEventsReturningInserted(pool, events);
  return { stored: inserted.size, duplicates: events.length - inserted.size };
}
