import { afterEach, describe, expect, it, vi } from "vitest";
import { createCoreSandbox, type TCoreSandbox } from "@/sandbox/core-server";
import { captureLogs, CORE_PASS, CORE_USER, readFixture } from "../test-helpers";
import { createCoreClient } from "./client";
import type { TCoreCustomerResult } from "./map";
import { backoffDelay, withRetry, type TAttempt } from "./retry";
import type { TCoreCustomerPayload } from "./schemas";

afterEach(() => {
  vi.useRealTimers();
});

describe("backoffDelay", () => {
  it("is full jitter under a doubling ceiling capped at maxMs", () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, 100, 1_000, top))).toEqual([99, 199, 399, 799, 999, 999]);
    expect([1, 2, 3].map((n) => backoffDelay(n, 100, 1_000, () => 0))).toEqual([0, 0, 0]);
    expect(backoffDelay(3, 100, 1_000, () => 0.5)).toBe(200);
    for (let i = 0; i < 200; i += 1) {
      const d = backoffDelay(10, 50, 700);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(700);
    }
  });
});

describe("withRetry", () => {
  it("retries while retryable, reports each attempt, and stops at the attempt limit", async () => {
    const slept: number[] = [];
    const seen: Array<TAttempt<string>> = [];
    const result = await withRetry(async (n) => `fail-${n}`, {
      attempts: 4,
      baseMs: 100,
      maxMs: 250,
      isRetryable: () => true,
      random: () => 0.5,
      sleep: async (ms) => void slept.push(ms),
      onAttempt: (a) => void seen.push(a),
    });
    expect(result).toBe("fail-4");
    expect(slept).toEqual([50, 100, 125]);
    expect(seen).toEqual([
      { attempt: 1, result: "fail-1", nextDelayMs: 50 },
      { attempt: 2, result: "fail-2", nextDelayMs: 100 },
      { attempt: 3, result: "fail-3", nextDelayMs: 125 },
      { attempt: 4, result: "fail-4", nextDelayMs: null },
    ]);
  });

  it("returns at once on a result that is not retryable, and never retries a throw", async () => {
    const calls: number[] = [];
    const ok = await withRetry(async (n) => (calls.push(n), n), { attempts: 5, baseMs: 1, maxMs: 1, isRetryable: (n) => n < 2 });
    expect(ok).toBe(2);
    expect(calls).toEqual([1, 2]);
    let thrown = 0;
    await expect(withRetry(async () => { thrown += 1; throw new Error("bug"); }, { attempts: 5, baseMs: 1, maxMs: 1, isRetryable: () => true })).rejects.toThrow("bug");
    expect(thrown).toBe(1);
    await expect(withRetry(async () => 1, { attempts: 0, baseMs: 1, maxMs: 1, isRetryable: () => true })).rejects.toBeInstanceOf(RangeError);
  });

  it("waits on real timers no longer than the capped backoff (fake clock)", async () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const pending = withRetry(async (n) => (calls.push(Date.now()), n), { attempts: 3, baseMs: 1_000, maxMs: 1_500, isRetryable: () => true, random: () => 0.999 });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_498);
    expect(await pending).toBe(3);
    expect(calls.map((t) => t - (calls[0] ?? 0))).toEqual([0, 999, 2_497]);
  });

  it("starts no further attempt once the signal is aborted", async () => {
    const controller = new AbortController();
    const result = await withRetry(async (n) => (n === 2 && controller.abort(), n), { attempts: 5, baseMs: 1, maxMs: 1, isRetryable: () => true, signal: controller.signal });
    expect(result).toBe(2);
  });
});

describe("withRetry + core_customer against the sandbox", () => {
  let sandbox: TCoreSandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it("a 500 after processing, then a resend: same customer number, one customer", async () => {
    sandbox = createCoreSandbox({ username: CORE_USER, password: CORE_PASS, faults: { core_customer: { kind: "status500", afterProcessing: true, times: 2 } } });
    const core = createCoreClient({ baseUrl: await sandbox.listen(0), username: CORE_USER, password: CORE_PASS, timeoutMs: 1_000, logger: captureLogs().logger });
    const attempts: Array<[number, TCoreCustomerResult["kind"], number]> = [];
    const call = await withRetry((attempt) => core.pushCustomer(readFixture(3) as TCoreCustomerPayload), {
      attempts: 5,
      baseMs: 5,
      maxMs: 20,
      isRetryable: (c) => c.result.kind === "retryable",
      onAttempt: ({ attempt, result }) => void attempts.push([attempt, result.result.kind, result.exchange.outcome.kind === "response" ? result.exchange.outcome.status : 0]),
    });
    expect(call.result).toEqual({ kind: "created", customerNumber: 100001 });
    expect(attempts).toEqual([[1, "retryable", 500], [2, "retryable", 500], [3, "created", 201]]);
    expect(sandbox.ledger.listCustomers().map((c) => [c.customerNumber, c.writes])).toEqual([[100001, 3]]);
  });
});
