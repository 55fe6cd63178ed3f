// The current AML view of one customer, folded from AMLYZE's CloudEvents and our own
// submissions. Pure: the webhook and the submission worker both call it under a row lock.
//
// Order rule (events arrive in any order, twice, late, or before our own 200):
//   For each aspect (each screening list, the KYC scoring, the customer profile) the view keeps
//   the single winning event: the greatest by (state rank, time, event id), where the ranks are
//   pending < waiting_for_approval_date < completed. A completed result therefore never goes
//   back to pending, a later completed result replaces an earlier one, and the same set of
//   events gives the same view whatever order they came in (max is commutative). Ties on time
//   are broken by event id only so that the result cannot depend on arrival order.
//   Between the customer profile (com.amlyze.customer.updated) and the screening / KYC
//   results, the one with the later time decides a flag or the risk level.
//   "time" is the event's own, clamped to when we received it (orderingTime): an event cannot
//   claim a time after its receipt, so it can never outrank what is received after it.
import { AMLYZE_RISK_LEVELS } from "@/lib/integrations/amlyze/schemas";

export const SCREENING_LISTS = ["sanctions", "pep", "adverse_media", "internal_list"] as const;
export type TScreeningList = (typeof SCREENING_LISTS)[number];

export const AML_STATES = ["pending", "accepted", "hit", "completed", "rejected", "failed"] as const;
export type TAmlState = (typeof AML_STATES)[number];

export const AML_SUBMISSION_STATUSES = ["queued", "sending", "accepted", "rejected", "failed"] as const;
export type TAmlSubmissionStatus = (typeof AML_SUBMISSION_STATUSES)[number];

export type TRiskLevel = (typeof AMLYZE_RISK_LEVELS)[number];
export const RISK_RANK: Record<TRiskLevel, number> = { NONE: 0, LOW: 1, MEDIUM: 2, HIGH: 3, EXTREME: 4 };

const STATE_RANK = { pending: 0, waiting_for_approval_date: 1, completed: 2 } as const;
type TAspectState = keyof typeof STATE_RANK;

/** Which event won an aspect, and when it says it happened. */
type TWinner = { eventId: string; time: string | null; state: TAspectState };

export type TScreeningResult = TWinner & { match: boolean | null; matches: unknown[]; flags: Record<string, unknown> | null };
export type TKycResult = TWinner & {
  initialRiskLevel: TRiskLevel | null;
  finalRiskLevel: TRiskLevel | null;
  decisionType: string | null;
  decisionGroundCode: string | null;
};
export type TProfileResult = TWinner & {
  riskLevel: TRiskLevel | null;
  status: string | null;
  sanctioned: boolean | null;
  pep: boolean | null;
  inAdverseMedia: boolean | null;
  inInternalList: boolean | null;
};

export type TAmlResults = {
  screening: Partial<Record<TScreeningList, TScreeningResult>>;
  kyc: TKycResult | null;
  profile: TProfileResult | null;
};

export const EMPTY_RESULTS: TAmlResults = { screening: {}, kyc: null, profile: null };

/** What one CloudEvent means to the view. */
export type TClassifiedEvent =
  | { kind: "screening"; list: TScreeningList; result: TScreeningResult }
  | { kind: "kyc"; result: TKycResult }
  | { kind: "profile"; result: TProfileResult }
  | { kind: "unknown" };

export const KYC_TYPE_PREFIX = "app.amlyze.customer.riskmanagement.kyc_scoring.";
export const SCREENING_TYPE_PREFIX = "app.amlyze.customer.screening.";
export const PROFILE_TYPE = "com.amlyze.customer.updated";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const str = (value: unknown, max = 100): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, max) : null);
const bool = (value: unknown): boolean | null => (typeof value === "boolean" ? value : null);
const risk = (value: unknown): TRiskLevel | null =>
  typeof value === "string" && (AMLYZE_RISK_LEVELS as readonly string[]).includes(value.toUpperCase()) ? (value.toUpperCase() as TRiskLevel) : null;
const isState = (value: string): value is TAspectState => value in STATE_RANK;
const isList = (value: string): value is TScreeningList => (SCREENING_LISTS as readonly string[]).includes(value);

/** Reads an event's type and data; anything not understood is "unknown" (stored and shown, not applied). */
export function classifyEvent(event: { id: string; type: string; time: string | null; data: unknown }): TClassifiedEvent {
  const data = isRecord(event.data) ? event.data : {};
  const base = { eventId: event.id, time: event.time };
  if (event.type.startsWith(KYC_TYPE_PREFIX)) {
    const state = event.type.slice(KYC_TYPE_PREFIX.length);
    if (!isState(state)) return { kind: "unknown" };
    return {
      kind: "kyc",
      result: {
        ...base,
        state,
        initialRiskLevel: risk(data.initialRiskLevel),
        finalRiskLevel: risk(data.finalRiskLevel),
        decisionType: str(data.decisionType, 20),
        decisionGroundCode: str(data.decisionGroundCode),
      },
    };
  }
  if (event.type.startsWith(SCREENING_TYPE_PREFIX)) {
    const [list, state, ...rest] = event.type.slice(SCREENING_TYPE_PREFIX.length).split(".");
    if (!list || !state || rest.length > 0 || !isList(list) || (state !== "pending" && state !== "completed")) return { kind: "unknown" };
    return {
      kind: "screening",
      list,
      result: {
        ...base,
        state,
        match: bool(data.screeningMatch),
        matches: Array.isArray(data.matches) ? data.matches.slice(0, 50) : [],
        flags: isRecord(data.flags) ? data.flags : null,
      },
    };
  }
  if (event.type === PROFILE_TYPE) {
    return {
      kind: "profile",
      result: {
        ...base,
        state: "completed",
        riskLevel: risk(data.riskLevel),
        status: str(data.status, 20),
        sanctioned: bool(data.sanctioned),
        pep: bool(data.pep),
        inAdverseMedia: bool(data.inAdverseMedia),
        inInternalList: bool(data.inInternalList),
      },
    };
  }
  return { kind: "unknown" };
}

const timeOf = (winner: { time: string | null }) => (winner.time === null ? Number.NEGATIVE_INFINITY : Date.parse(winner.time));

/**
 * The time the view orders an event by: its own `time`, but never later than when we received it
 * (and the receipt when it has none). The webhook refuses a `time` beyond the allowed clock skew;
 * within it, a result dated a little ahead could still outrank genuine results received after
 * it. Clamped, no event can pin an aspect of the view: whatever is received later and dated
 * after an earlier event's receipt wins.
 */
export function orderingTime(time: Date | null, receivedAt: Date): Date {
  return time !== null && time < receivedAt ? time : receivedAt;
}

/** The greater of two results by (state rank, time, event id); see the rule at the top. */
export function winner<T extends TWinner>(current: T | null | undefined, candidate: T): T {
  if (!current) return candidate;
  const byRank = STATE_RANK[candidate.state] - STATE_RANK[current.state];
  if (byRank !== 0) return byRank > 0 ? candidate : current;
  const byTime = timeOf(candidate) - timeOf(current);
  if (byTime !== 0) return byTime > 0 ? candidate : current;
  return candidate.eventId > current.eventId ? candidate : current;
}

/** The results after one more event; unknown events change nothing here. */
export function applyEvent(results: TAmlResults, event: TClassifiedEvent): TAmlResults {
  switch (event.kind) {
    case "screening":
      return { ...results, screening: { ...results.screening, [event.list]: winner(results.screening[event.list], event.result) } };
    case "kyc":
      return { ...results, kyc: winner(results.kyc, event.result) };
    case "profile":
      return { ...results, profile: winner(results.profile, event.result) };
    case "unknown":
      return results;
  }
}

/** The columns the queue filters and sorts on, derived from the results and the submission. */
export type TAmlSummary = {
  state: TAmlState;
  priority: number;
  riskRank: number;
  riskLevel: TRiskLevel | null;
  initialRiskLevel: TRiskLevel | null;
  finalRiskLevel: TRiskLevel | null;
  decisionType: string | null;
  decisionGroundCode: string | null;
  hits: Record<TScreeningList, boolean>;
  hasHit: boolean;
};

const PROFILE_FLAG: Record<TScreeningList, keyof Pick<TProfileResult, "sanctioned" | "pep" | "inAdverseMedia" | "inInternalList">> = {
  sanctions: "sanctioned",
  pep: "pep",
  adverse_media: "inAdverseMedia",
  internal_list: "inInternalList",
};

/** A list is a hit when its latest word says so: the screening match, or a newer profile flag. */
function hitOn(results: TAmlResults, list: TScreeningList): boolean {
  const screening = results.screening[list];
  const flag = results.profile?.[PROFILE_FLAG[list]] ?? null;
  const screeningSays = screening?.state === "completed" ? screening.match === true : null;
  if (flag === null) return screeningSays === true;
  if (screeningSays === null || !screening) return flag;
  return results.profile && timeOf(results.profile) >= timeOf(screening) ? flag : screeningSays;
}

export function summarize(results: TAmlResults, submissionStatus: TAmlSubmissionStatus | null): TAmlSummary {
  const hits = Object.fromEntries(SCREENING_LISTS.map((list) => [list, hitOn(results, list)])) as Record<TScreeningList, boolean>;
  const hasHit = Object.values(hits).some(Boolean);
  const kyc = results.kyc;
  const completedKyc = kyc?.state === "completed" ? kyc : null;
  const profile = results.profile;
  // The newer of the completed scoring and the profile gives the risk level; else the initial one.
  const scored = completedKyc?.finalRiskLevel ? { level: completedKyc.finalRiskLevel, at: timeOf(completedKyc) } : null;
  const profiled = profile?.riskLevel ? { level: profile.riskLevel, at: timeOf(profile) } : null;
  const latest = scored && profiled ? (profiled.at > scored.at ? profiled : scored) : (scored ?? profiled);
  const riskLevel = latest?.level ?? kyc?.initialRiskLevel ?? null;
  const riskRank = riskLevel ? RISK_RANK[riskLevel] : -1;
  const anyResult = kyc !== null || profile !== null || Object.keys(results.screening).length > 0;

  let state: TAmlState;
  if (hasHit) state = "hit";
  else if (submissionStatus === "rejected") state = "rejected";
  else if (submissionStatus === "failed") state = "failed";
  else if (completedKyc) state = "completed";
  else if (submissionStatus === "accepted" || anyResult) state = "accepted";
  else state = "pending";

  const priority = hasHit || riskRank >= RISK_RANK.HIGH ? 2 : state === "rejected" || state === "failed" ? 1 : 0;
  return {
    state,
    priority,
    riskRank,
    riskLevel,
    initialRiskLevel: kyc?.initialRiskLevel ?? null,
    finalRiskLevel: completedKyc?.finalRiskLevel ?? null,
    decisionType: completedKyc?.decisionType ?? null,
    decisionGroundCode: completedKyc?.decisionGroundCode ?? null,
    hits,
    hasHit,
  };
}

/** Reads the stored JSON columns back; anything unreadable counts as "no result yet". */
export function resultsFromRow(row: { screening: unknown; kyc: unknown; profile: unknown }): TAmlResults {
  const screening: TAmlResults["screening"] = {};
  if (isRecord(row.screening)) {
    for (const list of SCREENING_LISTS) {
      const entry = row.screening[list];
      if (isRecord(entry) && typeof entry.eventId === "string") screening[list] = entry as unknown as TScreeningResult;
    }
  }
  const read = <T>(value: unknown): T | null => (isRecord(value) && typeof value.eventId === "string" ? (value as unknown as T) : null);
  return { screening, kyc: read<TKycResult>(row.kyc), profile: read<TProfileResult>(row.profile) };
}
