import { describe, expect, it } from "vitest";
import { buildEvents, type TCloudEvent } from "@/sandbox/amlyze/events";
import type { TAmlyzeSubmission } from "@/sandbox/amlyze/validate";
import { applyEvent, classifyEvent, EMPTY_RESULTS, orderingTime, SCREENING_TYPE_PREFIX, summarize, type TAmlResults } from "./view";

const submission = (lastName: string, firstName = "LUIS"): TAmlyzeSubmission => ({
  communicationNumber: "EC-0001",
  requester: "financial_institution",
  riskManagementCategory: "FAST",
  entityType: "INDIVIDUAL",
  customerExtId: "100001",
  firstName,
  lastName,
  customerStatus: "ACTIVE",
});

const fold = (events: readonly TCloudEvent[]): TAmlResults =>
  events.reduce((results, event) => applyEvent(results, classifyEvent(event)), EMPTY_RESULTS);

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

/** Deterministic shuffles (mulberry32), so a failure can be replayed. */
function* shuffles<T>(items: readonly T[], count: number, seed = 42): Generator<T[]> {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let n = 0; n < count; n += 1) {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    yield copy;
  }
}

const event = (type: string, time: string, data: Record<string, unknown>, id = `${type}@${time}`): TCloudEvent => ({
  specversion: "1.0",
  id,
  source: "EC-0001",
  subject: "100001",
  type,
  time,
  datacontenttype: "application/json",
  data,
});

describe("classifyEvent", () => {
  it("reads every type the sandbox sends and leaves the rest unknown", () => {
    const kinds = buildEvents(submission("MARTINEZ")).map((e) => classifyEvent(e).kind);
    expect(kinds).toEqual(["kyc", "screening", "screening", "screening", "screening", "screening", "screening", "kyc", "profile"]);
    expect(classifyEvent({ id: "x", type: "com.amlyze.something.new", time: null, data: {} }).kind).toBe("unknown");
    expect(classifyEvent({ id: "x", type: "app.amlyze.customer.screening.sanctions.started", time: null, data: {} }).kind).toBe("unknown");
    expect(classifyEvent({ id: "x", type: "app.amlyze.customer.screening.unknown_list.completed", time: null, data: {} }).kind).toBe("unknown");
  });

  it("tolerates odd data: unknown risk levels and non-boolean matches become null", () => {
    const kyc = classifyEvent({ id: "x", type: "app.amlyze.customer.riskmanagement.kyc_scoring.completed", time: null, data: { finalRiskLevel: "VERY_HIGH", decisionType: 7 } });
    expect(kyc).toMatchObject({ kind: "kyc", result: { finalRiskLevel: null, decisionType: null } });
    const screening = classifyEvent({ id: "x", type: "app.amlyze.customer.screening.pep.completed", time: null, data: "not an object" });
    expect(screening).toMatchObject({ kind: "screening", list: "pep", result: { match: null, matches: [] } });
  });
});

describe("the view is the same whatever order the events arrive in", () => {
  for (const [name, expected] of [
    ["MARTINEZ", { state: "completed", riskLevel: "LOW", decisionType: "ACCEPTED", hasHit: false, priority: 0 }],
    ["SANCTIONED", { state: "hit", riskLevel: "EXTREME", decisionType: "REJECTED", hasHit: true, priority: 2 }],
    ["POLITICO", { state: "hit", riskLevel: "HIGH", decisionType: "ACCEPTED", hasHit: true, priority: 2 }],
    ["ADVERSO", { state: "hit", riskLevel: "MEDIUM", decisionType: "ACCEPTED", hasHit: true, priority: 2 }],
  ] as const) {
    it(`${name}: all 720 orders of the six result events, and 1,000 orders of all nine, give one view`, () => {
      const now = new Date("2026-11-21T10:00:00Z");
      const results = buildEvents(submission(name), { now, screeningPending: false });
      const reference = fold(results);
      expect(summarize(reference, "accepted")).toMatchObject(expected);
      for (const order of permutations(results)) expect(fold(order)).toEqual(reference);
      const all = buildEvents(submission(name), { now });
      const withPending = fold(all);
      expect(summarize(withPending, "accepted")).toEqual(summarize(reference, "accepted"));
      for (const order of shuffles(all, 1_000)) expect(fold(order)).toEqual(withPending);
    });
  }

  it("the same event twice has one effect", () => {
    const events = buildEvents(submission("SANCTIONED"));
    expect(fold([...events, ...events])).toEqual(fold(events));
  });
});

describe("order rule", () => {
  const kyc = "app.amlyze.customer.riskmanagement.kyc_scoring.";
  it("completed never goes back to pending, even when pending is later", () => {
    const results = fold([
      event(`${kyc}completed`, "2026-11-21T10:00:00.000Z", { finalRiskLevel: "HIGH", decisionType: "ACCEPTED" }),
      event(`${kyc}pending`, "2026-11-21T11:00:00.000Z", { initialRiskLevel: "LOW" }),
    ]);
    expect(results.kyc).toMatchObject({ state: "completed", finalRiskLevel: "HIGH" });
    expect(summarize(results, "accepted").state).toBe("completed");
  });

  it("among completed results for the same aspect, the later time wins", () => {
    const early = event(`${kyc}completed`, "2026-11-21T10:00:00.000Z", { finalRiskLevel: "HIGH", decisionType: "ACCEPTED" });
    const late = event(`${kyc}completed`, "2026-11-21T12:00:00.000Z", { finalRiskLevel: "LOW", decisionType: "ACCEPTED" });
    expect(fold([late, early]).kyc?.finalRiskLevel).toBe("LOW");
    expect(fold([early, late]).kyc?.finalRiskLevel).toBe("LOW");
  });

  it("a profile update newer than the screening clears or raises a flag", () => {
    const screening = event("app.amlyze.customer.screening.sanctions.completed", "2026-11-21T10:00:00.000Z", { screeningMatch: true });
    const cleared = event("com.amlyze.customer.updated", "2026-11-21T11:00:00.000Z", { sanctioned: false, riskLevel: "LOW" });
    expect(summarize(fold([screening]), "accepted").hits.sanctions).toBe(true);
    expect(summarize(fold([cleared, screening]), "accepted")).toMatchObject({ hasHit: false, riskLevel: "LOW" });
    const olderProfile = event("com.amlyze.customer.updated", "2026-11-21T09:00:00.000Z", { sanctioned: false });
    expect(summarize(fold([screening, olderProfile]), "accepted").hits.sanctions).toBe(true);
  });

  it("unknown events change nothing", () => {
    expect(fold([event("com.amlyze.case.opened", "2026-11-21T10:00:00.000Z", { caseId: 1 })])).toEqual(EMPTY_RESULTS);
  });
});

describe("state from the submission and the results", () => {
  it("pending → accepted → completed; a rejected or failed submission shows until a hit", () => {
    expect(summarize(EMPTY_RESULTS, "queued").state).toBe("pending");
    expect(summarize(EMPTY_RESULTS, "sending").state).toBe("pending");
    expect(summarize(EMPTY_RESULTS, "accepted").state).toBe("accepted");
    // Results can arrive before our own 200: the customer is already in screening.
    const pending = fold([buildEvents(submission("MARTINEZ"))[0]!]);
    expect(summarize(pending, "sending").state).toBe("accepted");
    expect(summarize(EMPTY_RESULTS, "rejected")).toMatchObject({ state: "rejected", priority: 1 });
    expect(summarize(EMPTY_RESULTS, "failed")).toMatchObject({ state: "failed", priority: 1 });
    expect(summarize(fold(buildEvents(submission("SANCTIONED"))), "failed").state).toBe("hit");
    expect(summarize(EMPTY_RESULTS, null)).toMatchObject({ state: "pending", riskRank: -1, riskLevel: null });
  });
});

describe("orderingTime", () => {
  const received = new Date("2026-12-01T10:00:00.000Z");

  it("is the event's time, never later than its receipt, and the receipt when it has none", () => {
    expect(orderingTime(new Date("2026-12-01T09:59:00.000Z"), received)).toEqual(new Date("2026-12-01T09:59:00.000Z"));
    expect(orderingTime(new Date("9999-12-31T23:59:59.999Z"), received)).toEqual(received);
    expect(orderingTime(null, received)).toEqual(received);
  });

  it("so a clear dated ahead loses to a hit received after it", () => {
    const clearAhead = classifyEvent({ id: "b", type: SCREENING_TYPE_PREFIX + "sanctions.completed", time: orderingTime(new Date("2026-12-01T10:04:00Z"), received).toISOString(), data: { screeningMatch: false } });
    const later = new Date("2026-12-01T10:00:30.000Z");
    const hit = classifyEvent({ id: "a", type: SCREENING_TYPE_PREFIX + "sanctions.completed", time: orderingTime(new Date("2026-12-01T10:01:00Z"), later).toISOString(), data: { screeningMatch: true } });
    expect(summarize(applyEvent(applyEvent(EMPTY_RESULTS, clearAhead), hit), "accepted").hits.sanctions).toBe(true);
  });
});
