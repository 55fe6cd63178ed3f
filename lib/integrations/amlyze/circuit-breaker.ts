// A small circuit breaker for AMLYZE: when it is down, stop hammering it (and stop making each
// officer wait a full timeout); after a cool-down, let one trial call find out if it is back.
// No breaker library is installed (no opossum/cockatiel in node_modules), hence this one.
//   closed    → every call runs; N consecutive failures within `windowMs` open the circuit.
//   open      → calls fail fast with CircuitOpenError until `cooldownMs` has passed.
//   half_open → exactly one trial call runs; success closes, failure opens again.

export type TCircuitState = "closed" | "open" | "half_open";

export class CircuitOpenError extends Error {
  override readonly name = "CircuitOpenError";
  constructor(
    readonly breaker: string,
    /** Epoch ms after which a trial call will be let through. */
    readonly retryAt: number,
  ) {
    super(`${breaker}: circuit open, not calling until ${new Date(retryAt).toISOString()}`);
  }
}

export type TCircuitBreakerOptions = {
  name: string;
  failureThreshold: number;
  /** Failures older than this no longer count towards the threshold. */
  windowMs: number;
  cooldownMs: number;
  /** Injectable clock (epoch ms), for tests. */
  now?: () => number;
  onStateChange?: (from: TCircuitState, to: TCircuitState) => void;
};

export type TCircuitBreaker = {
  /**
   * Runs `fn` unless the circuit is open. A throw counts as a failure, and so does a result for
   * which `isFailure` is true (the clients return failures instead of throwing).
   */
  execute: <T>(fn: () => Promise<T>, isFailure?: (result: T) => boolean) => Promise<T>;
  state: () => TCircuitState;
};

export function createCircuitBreaker(options: TCircuitBreakerOptions): TCircuitBreaker {
  const now = options.now ?? Date.now;
  let current: TCircuitState = "closed";
  let failures: number[] = [];
  let openedAt = 0;
  let trialInFlight = false;

  const move = (to: TCircuitState) => {
    if (to === current) return;
    const from = current;
    current = to;
    options.onStateChange?.(from, to);
  };

  // Open becomes half-open lazily, on the first look after the cool-down.
  const state = (): TCircuitState => {
    if (current === "open" && now() - openedAt >= options.cooldownMs) move("half_open");
    return current;
  };

  const open = () => {
    openedAt = now();
    failures = [];
    move("open");
  };

  function record(failed: boolean, trial: boolean): void {
    if (trial) trialInFlight = false;
    // A call started before the circuit opened says nothing the trial will not say better.
    else if (current !== "closed") return;
    if (!failed) {
      failures = [];
      move("closed");
      return;
    }
    if (trial) return open();
    const at = now();
    failures = [...failures.filter((t) => at - t < options.windowMs), at];
    if (failures.length >= options.failureThreshold) open();
  }

  async function execute<T>(fn: () => Promise<T>, isFailure?: (result: T) => boolean): Promise<T> {
    const at = state();
    if (at === "open" || (at === "half_open" && trialInFlight)) {
      throw new CircuitOpenError(options.name, openedAt + options.cooldownMs);
    }
    const trial = at === "half_open";
    if (trial) trialInFlight = true;
    let result: T;
    try {
      result = await fn();
    } catch (error) {
      record(true, trial);
      throw error;
    }
    record(isFailure?.(result) ?? false, trial);
    return result;
  }

  return { execute, state };
}
