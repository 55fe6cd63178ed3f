// Delivers AMLYZE CloudEvents to the console's webhook, signed, with retries and a log.
// The signature is the console's own definition (lib/aml/webhook-signing.ts, a leaf module with
// no other imports): the attribute headers and the body, in either mode.
import { SIGNATURE_HEADER, signWebhook } from "@/lib/aml/webhook-signing";
import type { TimerSet, TSandboxLogger } from "../http";
import type { TCloudEvent } from "./events";

/** The message as sent: its body and headers, X-Amlyze-Signature included when there is a secret. */
export function signedMessage(event: TCloudEvent, mode: "structured" | "binary", secret: string | undefined): { body: string; headers: Record<string, string> } {
  const message = mode === "binary" ? binaryMessage(event) : { body: JSON.stringify(event), headers: { "Content-Type": "application/cloudevents+json" } };
  if (!secret) return message;
  return { body: message.body, headers: { ...message.headers, [SIGNATURE_HEADER]: signWebhook(secret, new Headers(message.headers), message.body) } };
}

/** Binary mode: every attribute but the data's type as a ce-* header (percent-encoded beyond printable ASCII). */
export function binaryMessage(event: TCloudEvent): { body: string; headers: Record<string, string> } {
  const { data, datacontenttype, ...attributes } = event;
  const headers: Record<string, string> = { "Content-Type": datacontenttype };
  for (const [name, value] of Object.entries(attributes)) headers[`ce-${name}`] = String(value).replace(/[^\x21-\x7e]|[%"]/gu, (c) => encodeURIComponent(c));
  return { body: JSON.stringify(data), headers };
}

export type TDeliveryAttempt = {
  eventId: string;
  type: string;
  source: string;
  subject: string;
  attempt: number;
  at: string;
  status: number | null;
  error: string | null;
  /** delivered: 2XX; retrying: will try again; gave_up: last attempt failed. */
  outcome: "delivered" | "retrying" | "gave_up";
};

export type TWebhookOptions = {
  url: string;
  secret?: string;
  /** Wait before each event, so a console can be watched going from pending to completed. */
  delayMs?: number;
  /** Deliver every event twice (same id), as an at-least-once event bus may. */
  duplicates?: boolean;
  /**
   * structured (default): the event as application/cloudevents+json. binary: the attributes as
   * ce-* headers and the data as the body (CloudEvents HTTP binding). The signature covers the
   * attribute headers and the body in both.
   */
  mode?: "structured" | "binary";
  maxAttempts?: number;
  retryBaseMs?: number;
  attemptTimeoutMs?: number;
  timers: TimerSet;
  logger?: TSandboxLogger;
};

export class WebhookDeliverer {
  readonly log: TDeliveryAttempt[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly controllers = new Set<AbortController>();
  private generation = 0;

  constructor(private readonly opts: TWebhookOptions) {}

  /** Sends the events one after another; resolves when all were delivered or given up. */
  deliverAll(events: TCloudEvent[]): Promise<void> {
    const run = this.sequence(events, this.generation);
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return run;
  }

  /** Resolves once nothing is queued or in flight (tests use it instead of sleeping). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Drops queued deliveries and aborts those in flight; the log is kept unless cleared. */
  cancel(): void {
    this.generation += 1;
    for (const controller of this.controllers) controller.abort();
    this.controllers.clear();
  }

  clearLog(): void {
    this.log.length = 0;
  }

  private async sequence(events: TCloudEvent[], generation: number): Promise<void> {
    for (const event of events) {
      if (this.opts.delayMs && !(await this.opts.timers.sleep(this.opts.delayMs))) return;
      if (generation !== this.generation) return;
      if (!(await this.deliver(event, generation))) return;
      if (this.opts.duplicates && !(await this.deliver(event, generation))) return;
    }
  }

  /** False when delivery was cancelled (not when it failed: later events still go out). */
  private async deliver(event: TCloudEvent, generation: number): Promise<boolean> {
    const maxAttempts = this.opts.maxAttempts ?? 4;
    const { body, headers } = signedMessage(event, this.opts.mode ?? "structured", this.opts.secret);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const { status, error } = await this.post(body, headers);
      if (generation !== this.generation) return false;
      const ok = status !== null && status >= 200 && status < 300;
      const outcome = ok ? "delivered" : attempt === maxAttempts ? "gave_up" : "retrying";
      const entry = { eventId: event.id, type: event.type, source: event.source, subject: event.subject, attempt, at: new Date().toISOString(), status, error, outcome } as const;
      this.log.push(entry);
      if (!ok) this.opts.logger?.warn({ sandbox: "amlyze", webhook: entry }, "webhook delivery failed");
      if (ok || outcome === "gave_up") return true;
      const backoff = (this.opts.retryBaseMs ?? 200) * 2 ** (attempt - 1);
      if (!(await this.opts.timers.sleep(backoff))) return false;
    }
    return true;
  }

  // POST {webhookUrl}
  private async post(body: string, headers: Record<string, string>): Promise<{ status: number | null; error: string | null }> {
    const controller = new AbortController();
    this.controllers.add(controller);
    // An own timer rather than AbortSignal.timeout, so nothing outlives the attempt.
    const timer = setTimeout(() => controller.abort(new Error("webhook attempt timed out")), this.opts.attemptTimeoutMs ?? 5000);
    try {
      const res = await fetch(this.opts.url, { method: "POST", headers, body, signal: controller.signal });
      await res.arrayBuffer().catch(() => undefined); // Drain so the socket can be reused.
      return { status: res.status, error: res.ok ? null : `HTTP ${res.status}` };
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
      return { status: null, error: error instanceof Error ? `${error.message}${cause}` : String(error) };
    } finally {
      clearTimeout(timer);
      this.controllers.delete(controller);
    }
  }
}
