// The asynchronous results AMLYZE sends after REQUEST_ACCEPTED, as CloudEvents 1.0.
// Screening is deterministic so demos and tests can provoke a hit by name.
import { randomUUID } from "node:crypto";
import type { TAmlyzeSubmission, TRiskLevel } from "./validate";

export type TScreeningKind = "sanctions" | "pep" | "adverse_media";
export type TDecisionType = "ACCEPTED" | "REJECTED";

export type TDemoHit = {
  /** Matches when given; otherwise the last name alone decides. Case-insensitive, trimmed. */
  firstName?: string;
  lastName: string;
  screening: TScreeningKind;
  finalRiskLevel: TRiskLevel;
  decisionType: TDecisionType;
  decisionGroundCode: string;
  listName: string;
};

/** Names that produce a screening hit; everyone else is a clean LOW / ACCEPTED customer. */
export const AMLYZE_DEMO_HITS: readonly TDemoHit[] = [
  { lastName: "SANCTIONED", screening: "sanctions", finalRiskLevel: "EXTREME", decisionType: "REJECTED", decisionGroundCode: "SANCTIONS_MATCH", listName: "SANDBOX-SANCTIONS" },
  { firstName: "VLADIMIR", lastName: "PUTINOV", screening: "sanctions", finalRiskLevel: "EXTREME", decisionType: "REJECTED", decisionGroundCode: "SANCTIONS_MATCH", listName: "SANDBOX-SANCTIONS" },
  { lastName: "POLITICO", screening: "pep", finalRiskLevel: "HIGH", decisionType: "ACCEPTED", decisionGroundCode: "PEP_MATCH", listName: "SANDBOX-PEP" },
  { lastName: "ADVERSO", screening: "adverse_media", finalRiskLevel: "MEDIUM", decisionType: "ACCEPTED", decisionGroundCode: "ADVERSE_MEDIA_MATCH", listName: "SANDBOX-ADVERSE-MEDIA" },
];

export const AMLYZE_EVENT_TYPES = {
  kycPending: "app.amlyze.customer.riskmanagement.kyc_scoring.pending",
  sanctionsPending: "app.amlyze.customer.screening.sanctions.pending",
  pepPending: "app.amlyze.customer.screening.pep.pending",
  adverseMediaPending: "app.amlyze.customer.screening.adverse_media.pending",
  kycCompleted: "app.amlyze.customer.riskmanagement.kyc_scoring.completed",
  sanctions: "app.amlyze.customer.screening.sanctions.completed",
  pep: "app.amlyze.customer.screening.pep.completed",
  adverseMedia: "app.amlyze.customer.screening.adverse_media.completed",
  customerUpdated: "com.amlyze.customer.updated",
} as const;

export type TCloudEvent = {
  specversion: "1.0";
  id: string;
  source: string;
  subject: string;
  type: string;
  time: string;
  datacontenttype: "application/json";
  data: Record<string, unknown>;
};

const norm = (s: string) => s.trim().toUpperCase();

export function findDemoHit(firstName: string, lastName: string): TDemoHit | undefined {
  return AMLYZE_DEMO_HITS.find(
    (hit) => norm(hit.lastName) === norm(lastName) && (hit.firstName === undefined || norm(hit.firstName) === norm(firstName)),
  );
}

/**
 * Every event one accepted submission produces, in the order AMLYZE would emit them.
 * `time` follows that logical order even when delivery is shuffled, as a real event bus would.
 */
export function buildEvents(sub: TAmlyzeSubmission, opts: { outOfOrder?: boolean; screeningPending?: boolean; now?: Date } = {}): TCloudEvent[] {
  const hit = findDemoHit(sub.firstName, sub.lastName);
  const initialRiskLevel: TRiskLevel = sub.riskLevel ?? "LOW";
  const finalRiskLevel: TRiskLevel = hit?.finalRiskLevel ?? "LOW";
  const decisionType: TDecisionType = hit?.decisionType ?? "ACCEPTED";
  const decisionGroundCode = hit?.decisionGroundCode ?? "NO_MATCH";
  const base = (opts.now ?? new Date()).getTime();
  let step = 0;
  const event = (type: string, data: Record<string, unknown>): TCloudEvent => ({
    specversion: "1.0",
    id: randomUUID(),
    source: sub.communicationNumber,
    subject: sub.customerExtId,
    type,
    time: new Date(base + step++).toISOString(),
    datacontenttype: "application/json",
    data,
  });
  const screening = (kind: TScreeningKind) => {
    const match = hit?.screening === kind;
    const matchedName = `${sub.firstName} ${sub.lastName}`;
    return { screeningMatch: match, matches: match && hit ? [{ listName: hit.listName, matchedName, score: 0.97 }] : [] };
  };

  const pending = { screeningMatch: null, matches: [] };
  const events = [
    event(AMLYZE_EVENT_TYPES.kycPending, { initialRiskLevel, finalRiskLevel: null, decisionType: null, decisionGroundCode: null }),
    // Each list reports "pending" when its screening starts (unless switched off).
    ...(opts.screeningPending === false
      ? []
      : [
          event(AMLYZE_EVENT_TYPES.sanctionsPending, pending),
          event(AMLYZE_EVENT_TYPES.pepPending, pending),
          event(AMLYZE_EVENT_TYPES.adverseMediaPending, pending),
        ]),
    event(AMLYZE_EVENT_TYPES.sanctions, screening("sanctions")),
    event(AMLYZE_EVENT_TYPES.pep, screening("pep")),
    event(AMLYZE_EVENT_TYPES.adverseMedia, screening("adverse_media")),
    event(AMLYZE_EVENT_TYPES.kycCompleted, { initialRiskLevel, finalRiskLevel, decisionType, decisionGroundCode }),
    event(AMLYZE_EVENT_TYPES.customerUpdated, {
      riskLevel: finalRiskLevel,
      status: decisionType === "REJECTED" ? "REJECTED" : sub.customerStatus,
      sanctioned: hit?.screening === "sanctions",
      pep: hit?.screening === "pep",
      inAdverseMedia: hit?.screening === "adverse_media",
      inInternalList: false,
    }),
  ];
  // Reversed: "completed" and the customer update arrive before "pending".
  return opts.outOfOrder ? events.reverse() : events;
}
