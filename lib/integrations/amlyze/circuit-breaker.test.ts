import { describe, expect, it } from "vitest";
import { CircuitOpenError, createCircuitBreaker, type TCircuitState } from "./circuit-breaker";

function setup(threshold = 3) {
  let clock = 1_000_000;
  const transitions: Array<[TCircuitState, TCircuitState]> = [];
  const breaker = createCircuitBreaker({
    name: "amlyze",
    failureThreshold: threshold,
    windowMs: 10_000,
    cooldownMs: 5_000,
    now: () => clock,
    onStateChange: (from, to) => void transitions.push([from, to]),
  });
  let calls = 0;
  const ok = () => breaker.execute(async () => (calls += 1, "ok"));
  const fail = () => breaker.execute(async () => (calls += 1, "bad"), (r) => r === "bad");
  const boom = () => breaker.execute(async () => { calls += 1; throw new Error("boom"); });
  return { breaker, transitions, ok, fail, boom, calls: () => calls, tick: (ms: number) => void (clock += ms) };
}

describe("circuit breaker", () => {
  it("opens after N consecutive failures and then fails fast without calling", async () => {
    const t = setup();
    await t.fail();
    await expect(t.boom()).rejects.toThrow("boom");
    expect(t.breaker.state()).toBe("closed");
    await t.fail();
    expect(t.breaker.state()).toBe("open");
    const error = await t.ok().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect(error).toMatchObject({ breaker: "amlyze", retryAt: 1_005_000 });
    expect(t.calls()).toBe(3);
  });

  it("a success resets the count; failures older than the window do not count", async () => {
    const t = setup();
    await t.fail();
    await t.fail();
    await t.ok();
    await t.fail();
    await t.fail();
    expect(t.breaker.state()).toBe("closed");
    t.tick(10_000);
    await t.fail();
    await t.fail();
    expect(t.breaker.state()).toBe("closed");
    await t.fail();
    expect(t.breaker.state()).toBe("open");
  });

  it("half-open after the cool-down lets exactly one trial through; success closes", async () => {
    const t = setup(1);
    await t.fail();
    t.tick(4_999);
    expect(t.breaker.state()).toBe("open");
    t.tick(1);
    expect(t.breaker.state()).toBe("half_open");
    let release: (value: string) => void = () => undefined;
    const trial = t.breaker.execute(() => new Promise<string>((resolve) => (release = resolve)));
    await expect(t.ok()).rejects.toBeInstanceOf(CircuitOpenError);
    release("fine");
    expect(await trial).toBe("fine");
    expect(t.breaker.state()).toBe("closed");
    expect(t.transitions).toEqual([["closed", "open"], ["open", "half_open"], ["half_open", "closed"]]);
  });

  it("a failed trial opens again for a full cool-down", async () => {
    const t = setup(1);
    await t.fail();
    t.tick(5_000);
    await expect(t.boom()).rejects.toThrow("boom");
    expect(t.breaker.state()).toBe("open");
    t.tick(4_999);
    await expect(t.ok()).rejects.toBeInstanceOf(CircuitOpenError);
    t.tick(1);
    expect(await t.ok()).toBe("ok");
    expect(t.transitions).toEqual([["closed", "open"], ["open", "half_open"], ["half_open", "open"], ["open", "half_open"], ["half_open", "closed"]]);
  });

  it("a slow call that started before the circuit opened does not close it", async () => {
    const t = setup(1);
    let release: (value: string) => void = () => undefined;
    const slow = t.breaker.execute(() => new Promise<string>((resolve) => (release = resolve)));
    await t.fail();
    release("late success");
    await slow;
    expect(t.breaker.state()).toBe("open");
  });
});
