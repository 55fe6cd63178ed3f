// Group commit for the webhook: deliveries that arrive while earlier ones are being stored wait
// and are then stored together, in one transaction of a few statements (ingest-events.ts),
// instead of one transaction each. AMLYZE sending one event per request then costs the
// database about what a batch of them costs. Nothing is delayed on purpose: an idle webhook
// stores a delivery at once; the batches form only under load, while a lane is busy.
//
// Each delivery stays all-or-nothing: it is stored whole with its batch or not at all. If a
// batch fails, each of its deliveries is tried again alone, so a delivery the database refuses
// (for a reason the webhook's checks did not foresee: NUL characters, lone surrogates and deep
// nesting are refused before, cloud-event.ts) fails by itself and never takes its neighbours with it.
import type pg from "pg";
import type { TIncomingEvent } from "./cloud-event";
import { ingestEventsReturningInserted, type TIngestResult } from "./ingest-events";

export type TEventBatcherOptions = {
  /** Transactions in flight at once (each holds one connection while it runs). */
  lanes?: number;
  /** Most events in one transaction. */
  maxEvents?: number;
};

type TPending = { events: readonly TIncomingEvent[]; resolve: (result: TIngestResult) => void; reject: (error: unknown) => void };

export type TEventBatcher = { ingest: (events: readonly TIncomingEvent[]) => Promise<TIngestResult> };

/** Each delivery's share: its events inserted now, first claimant wins within the batch. */
function shares(batch: readonly TPending[], inserted: Set<string>): TIngestResult[] {
  const claimed = new Set<string>();
  return batch.map(({ events }) => {
    let stored = 0;
    for (const event of events) {
      if (!inserted.has(event.id) || claimed.has(event.id)) continue;
      claimed.add(event.id);
      stored += 1;
    }
    return { stored, duplicates: events.length - stored };
  });
}

export function createEventBatcher(pool: pg.Pool, options: TEventBatcherOptions = {}): TEventBatcher {
  const lanes = options.lanes ?? 2;
  const maxEvents = options.maxEvents ?? 200;
  const queue: TPending[] = [];
  let running = 0;

  const take = (): TPending[] => {
    const batch: TPending[] = [];
    let size = 0;
    while (queue.length > 0 && (batch.length === 0 || size + queue[0]!.events.length <= maxEvents)) {
      const next = queue.shift()!;
      batch.push(next);
      size += next.events.length;
    }
    return batch;
  };

  const store = async (batch: TPending[]) => {
    try {
      const inserted = await ingestEventsReturningInserted(pool, batch.flatMap((pending) => pending.events));
      shares(batch, inserted).forEach((result, i) => batch[i]!.resolve(result));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const pending of batch) await store([pending]);
    }
  };

  const lane = async () => {
    running += 1;
    try {
      for (let batch = take(); batch.length > 0; batch = take()) await store(batch);
    } finally {
      running -= 1;
    }
  };

  return {
    ingest(events) {
      return new Promise<TIngestResult>((resolve, reject) => {
        queue.push({ events, resolve, reject });
        if (running < lanes) void lane();
      });
    },
  };
}
