// Retry with exponential backoff and full jitter, for calls that are safe to repeat:
// core_customer (the core upserts) and AMLYZE simplified-customer (keyed by communicationNumber
// + customerExtId, so resend the *same* body). NEVER wrap core_product in this: a second call
// may open a second account (CONTRACTS §3); after `not_sent` a person or the caller decides.

export type TAttempt<T> = {
  /** 1-based, as stored with each outbound call (CONTRACTS §5). */
  attempt: number;
  result: T;
  /** The wait before the next attempt, null when this was the last one. */
  nextDelayMs: number | null;
};

export type TRetryOptions<T> = {
  /** Total attempts including the first; at least 1. */
  attempts: number;
  baseMs: number;
  maxMs: number;
  isRetryable: (result: T) => boolean;
  /** Awaited, so the caller can persist each attempt before the next one starts. */
  onAttempt?: (attempt: TAttempt<T>) => void | Promise<void>;
  /** Injectable for tests. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Once aborted, no further attempt starts; the last result is returned. */
  signal?: AbortSignal;
};

/**
 * Full jitter (a uniformly random wait between 0 and the capped exponential step): many
 * consoles retrying after the same outage do not hit the core in lock-step.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` until its result is not retryable or the attempts are used up, and returns the last
 * result. A thrown error is not retried: the clients return failures, so a throw is a bug.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: TRetryOptions<T>): Promise<T> {
  if (!Number.isInteger(options.attempts) || options.attempts < 1) throw new RangeError("attempts must be a positive integer");
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt += 1) {
    const result = await fn(attempt);
    const more = attempt < options.attempts && options.isRetryable(result) && !options.signal?.aborted;
    const nextDelayMs = more ? backoffDelay(attempt, options.baseMs, options.maxMs, random) : null;
    await options.onAttempt?.({ attempt, result, nextDelayMs });
    if (nextDelayMs === null) return result;
    await sleep(nextDelayMs);
  }
}
