// One LISTEN connection per process, fanned out to the process's open streams by recipient: a
// notification committed anywhere (the web, the push worker, the webhook service) reaches each
// bell within the time PostgreSQL takes to deliver a NOTIFY. The connection is opened with the
// first subscriber and opened again after a failure; every subscriber is woken then, since
// wake-ups may have been missed while it was down.
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { NOTIFICATION_CHANNEL } from "./notify";

type TWake = () => void;

const RETRY_MS = 1_000;

class NotificationHub {
  private readonly subscribers = new Map<string, Set<TWake>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  /** Whether a connection was up before: wake-ups may have been missed since it broke. */
  private wasConnected = false;

  constructor(private readonly connectionString: () => string) {}

  /**
   * Calls `wake` whenever `userId` may have a new unread count. Returns the unsubscribe, and
   * `listening`, settled once the LISTEN is in place (or its first attempt failed).
   */
  subscribe(userId: string, wake: TWake): { unsubscribe: () => void; listening: Promise<void> } {
    const set = this.subscribers.get(userId) ?? new Set<TWake>();
    set.add(wake);
    this.subscribers.set(userId, set);
    const listening = this.ensureConnected();
    const unsubscribe = () => {
      set.delete(wake);
      if (set.size === 0) this.subscribers.delete(userId);
      if (this.subscribers.size === 0) this.close();
    };
    return { unsubscribe, listening };
  }

  private deliver(payload: string) {
    const targets = payload === "*" ? [...this.subscribers.values()] : payload.split(",").flatMap((id) => (this.subscribers.has(id) ? [this.subscribers.get(id)!] : []));
    for (const set of targets) for (const wake of set) wake();
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString() });
    client.on("notification", (message) => {
      if (message.channel === NOTIFICATION_CHANNEL) this.deliver(message.payload ?? "*");
    });
    client.on("error", (error) => {
      logger.warn({ err: error }, "notification listener lost its connection");
      if (this.client === client) this.client = null;
      void client.end().catch(() => undefined);
      this.retry();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
      this.client = client;
      // after a break, whatever happened while nobody listened: every open bell reads its count again
      if (this.wasConnected) this.deliver("*");
      this.wasConnected = true;
      if (this.subscribers.size === 0) this.close();
    } catch (error) {
      logger.warn({ err: error }, "notification listener could not connect");
      void client.end().catch(() => undefined);
      this.retry();
    }
  }

  private retry() {
    if (this.subscribers.size === 0) return;
    setTimeout(() => void this.ensureConnected(), RETRY_MS).unref();
  }

  private close() {
    const client = this.client;
    this.client = null;
    void client?.end().catch(() => undefined);
  }
}

const globalForHub = globalThis as unknown as { notificationHub?: NotificationHub };

/** The process's hub (one LISTEN connection, opened while some bell is open). */
export function notificationHub(): NotificationHub {
  globalForHub.notificationHub ??= new NotificationHub(() => env().DATABASE_URL);
  return globalForHub.notificationHub;
}

export { NotificationHub };
