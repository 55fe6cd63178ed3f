// Checks of one CloudEvent beyond its shape, each naming where the problem is:
// - text PostgreSQL cannot store or nesting too deep to walk (lib/json/unstorable-json.ts): such
//   an event would fail its transaction with a 500 and AMLYZE would deliver it again forever;
// - a `time` ahead of our clock: the view orders results by time, so an event dated far in the
//   future would outrank every genuine result that comes after it.
import { findUnstorableJson } from "@/lib/json/unstorable-json";

/** The receiver's clock, and how far ahead of it an event's `time` may be (the sender's clock may run fast). */
export type TEventClock = { now: Date; maxClockSkewMs: number };

/** `prefix.path: message` for each problem; the prefix names the event or the body. */
export function unstorableProblems(value: unknown, prefix: string): string[] {
  return findUnstorableJson(value).map((problem) => `${[prefix, ...problem.path].filter(Boolean).join(".")}: ${problem.message}`);
}

/** The problem with an RFC 3339 `time` ahead of the clock beyond the allowed skew, or null. */
export function aheadOfClock(time: string | null | undefined, clock: TEventClock): string | null {
  if (!time || Date.parse(time) <= clock.now.getTime() + clock.maxClockSkewMs) return null;
  return `more than ${Math.round(clock.maxClockSkewMs / 1000)} s ahead of this server's clock (${clock.now.toISOString()}); an event cannot be dated in the future`;
}
