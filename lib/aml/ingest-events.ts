// Stores AMLYZE's CloudEvents and folds them into each customer's AML view, all of one delivery
// in one transaction (nothing partial). Idempotent by event id: INSERT ... ON CONFLICT DO
// NOTHING, and only an event that was inserted changes the view. Order does not matter
// (lib/aml/view.ts), and an event may come before our own submission's 200, or for a customer
// the console does not know yet: it is stored, and linked when that customer appears.
// Set-based, so a batch costs a handful of statements whatever its size: lock the customers,
// insert the events, then one UPDATE per customer whose view changed.
import type pg from "pg";
import { v7 as uuidv7 } from "uuid";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TIncomingEvent } from "./cloud-event";
import { lockAmlCustomers, pgRunner, saveAmlCustomer, type TSqlRunner } from "./customer-store";
import { applyEvent, classifyEvent } from "./view";

export type TIngestResult = { stored: number; duplicates: number };

const MAX_EXT_ID = 64;

/** The customer an event is about: its subject, else the customer of the submission its source names. */
async function customersOf(run: TSqlRunner, events: readonly TIncomingEvent[]): Promise<Map<TIncomingEvent, string | null>> {
  const bySource = new Map<string, string>();
  const sources = [...new Set(events.filter((e) => e.subject === null).map((e) => e.source))];
  if (sources.length > 0) {
    const rows = await run<{ communication_number: string; customer_ext_id: string }>(Prisma.sql`
      SELECT communication_number, customer_ext_id FROM aml_submissions WHERE communication_number = ANY(${sources}::text[])`);
    for (const row of rows) bySource.set(row.communication_number, row.customer_ext_id);
  }
  return new Map(
    events.map((event) => {
      const id = event.subject ?? bySource.get(event.source) ?? null;
      // Not one of our customer numbers: stored, but about nobody the view can hold.
      return [event, id !== null && id.length <= MAX_EXT_ID ? id : null];
    }),
  );
}

export async function ingestEvents(pool: pg.Pool, events: readonly TIncomingEvent[]): Promise<TIngestResult> {
  // The same id twice in one delivery is one event.
  const unique = [...new Map(events.map((event) => [event.id, event])).values()];
  const client = await pool.connect();
  const run = pgRunner(client);
  let failed: Error | undefined;
  try {
    await client.query("BEGIN");
    const customers = await customersOf(run, unique);
    const views = await lockAmlCustomers(run, [...customers.values()].filter((id): id is string => id !== null));
    const inserted = await run<{ event_id: string; received_at: Date }>(Prisma.sql`
      INSERT INTO aml_events (id, event_id, type, source, subject, time, data, raw_body, raw_headers, customer_ext_id, enrollment_id)
      SELECT * FROM unnest(
        ${unique.map(() => uuidv7())}::uuid[], ${unique.map((e) => e.id)}::text[], ${unique.map((e) => e.type)}::text[],
        ${unique.map((e) => e.source)}::text[], ${unique.map((e) => e.subject)}::text[], ${unique.map((e) => e.time?.toISOString() ?? null)}::timestamptz[],
        ${unique.map((e) => (e.data === null ? null : JSON.stringify(e.data)))}::jsonb[], ${unique.map((e) => e.raw)}::text[],
        ${unique.map((e) => (e.rawHeaders === null ? null : JSON.stringify(e.rawHeaders)))}::jsonb[],
        ${unique.map((e) => customers.get(e) ?? null)}::text[],
        ${unique.map((e) => views.get(customers.get(e) ?? "")?.enrollmentId ?? null)}::uuid[])
      ON CONFLICT (event_id) DO NOTHING
      RETURNING event_id, received_at`);
    const receivedAt = new Map(inserted.map((row) => [row.event_id, row.received_at]));
    const changed = new Set<string>();
    for (const event of unique) {
      const at = receivedAt.get(event.id);
      const view = views.get(customers.get(event) ?? "");
      if (!at || !view) continue;
      const classified = classifyEvent({ id: event.id, type: event.type, time: event.time?.toISOString() ?? null, data: event.data });
      view.results = applyEvent(view.results, classified);
      view.eventCount += 1;
      if (classified.kind === "unknown") view.unknownEventCount += 1;
      const when = event.time ?? at;
      if (!view.lastEventAt || when > view.lastEventAt) view.lastEventAt = when;
      changed.add(view.customerExtId);
    }
    for (const id of [...changed].sort()) await saveAmlCustomer(run, views.get(id)!);
    await client.query("COMMIT");
    return { stored: inserted.length, duplicates: events.length - inserted.length };
  } catch (error) {
    failed = error as Error;
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release(failed);
  }
}
