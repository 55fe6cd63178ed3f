import "server-only";
import { piiKeys, piiOwner } from "@/lib/crypto/pii";
import type { TChange } from "@/lib/enrollment/diff";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isIdentityPath, openChanges, openIdentities, openReason, openText } from "@/lib/pii/identities";
import type { TReason } from "@/lib/reasons/reason";
import { actorName, displayNames } from "@/lib/users/display-names";
import { identityValues, knownNumbers, maskChange, maskDocumentNumbers, maskJsonText, maskNumbersIn, maskReason } from "./mask";
import { classifyEvent, type TAmlSubmissionStatus } from "./view";

/** One thing that happened to a customer, oldest first; document numbers already masked. */
export type TTimelineEntry =
  | { kind: "received"; at: Date; actor: string | null }
  | { kind: "revision"; at: Date; actor: string; section: string; version: number; changes: TChange[] }
  | { kind: "action"; at: Date; actor: string; action: string; details: unknown }
  | {
      kind: "call";
      at: Date;
      step: "core_customer" | "core_product" | "amlyze_simplified_customer";
      attempt: number;
      outcome: string;
      httpStatus: number | null;
      durationMs: number | null;
      error: TReason | null;
      url: string;
      requestBody: string | null;
      responseBody: string | null;
    }
  | { kind: "submission"; at: Date; communicationNumber: string; pushSeq: number; status: TAmlSubmissionStatus; message: TReason | null }
  | { kind: "event"; at: Date; receivedAt: Date; eventId: string; type: string; known: boolean; source: string; data: string | null };

const LIMIT = 1_000;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
};

/**
 * The full history of one customer: intake, every saved edit with its diff, what people did
 * (push requests, reconciliations, reveals), every outbound attempt (core and AMLYZE), every AML
 * submission and every AMLYZE event. `customerExtId` also finds events not linked to the enrollment.
 */
export async function getTimeline(db: PrismaClient, options: { enrollmentId: string | null; customerExtId: string | null }): Promise<TTimelineEntry[]> {
  const { enrollmentId, customerExtId } = options;
  const eventWhere = [
    ...(enrollmentId ? [{ enrollmentId }] : []),
    ...(customerExtId ? [{ customerExtId }] : []),
  ];
  const [enrollment, revisions, audits, calls, submissions, events] = await Promise.all([
    enrollmentId ? db.enrollment.findUnique({ where: { id: enrollmentId }, select: { receivedAt: true, payload: true, receivedPayload: true } }) : null,
    enrollmentId ? db.enrollmentRevision.findMany({ where: { enrollmentId }, orderBy: { version: "asc" }, take: LIMIT }) : [],
    enrollmentId
      ? db.auditEvent.findMany({
          // People's actions; saved edits come as revisions (with their diff), the system's as calls and submissions.
          where: { targetType: "enrollment", targetId: enrollmentId, OR: [{ actorId: { not: null } }, { action: "enrollment.push_settled" }], NOT: { action: { in: ["enrollment.section_saved", "enrollment.received", "enrollment.edit_view_opened"] } } },
          orderBy: { id: "asc" },
          take: LIMIT,
        })
      : [],
    enrollmentId ? db.outboundCall.findMany({ where: { enrollmentId }, orderBy: [{ startedAt: "asc" }, { attempt: "asc" }], take: LIMIT }) : [],
    db.amlSubmission.findMany({
      where: { OR: [...(enrollmentId ? [{ enrollmentId }] : []), ...(customerExtId ? [{ customerExtId }] : [])] },
      orderBy: { createdAt: "asc" },
      take: LIMIT,
    }),
    eventWhere.length > 0 ? db.amlEvent.findMany({ where: { OR: eventWhere }, orderBy: { receivedAt: "asc" }, take: LIMIT }) : [],
  ]);

  // Stored sealed; opened only to be masked here, so no full number leaves this function.
  const { keyring } = piiKeys();
  const body = (enrollmentId: string) => piiOwner.enrollmentBody(enrollmentId);
  const opened = {
    revisions: revisions.map((r) => ({ ...r, changes: openChanges(r.changes as unknown as TChange[], piiOwner.enrollment(r.enrollmentId), keyring) })),
    calls: calls.map((c) => ({
      ...c,
      error: openReason(c.error, body(c.enrollmentId), keyring),
      requestBody: openText(c.requestBody, body(c.enrollmentId), keyring),
      responseBody: openText(c.responseBody, body(c.enrollmentId), keyring),
    })),
    submissions: submissions.map((s) => ({ ...s, message: openReason(s.message, body(s.enrollmentId), keyring) })),
    events: events.map((e) => ({ ...e, data: e.data === null ? null : openIdentities(e.data, piiOwner.amlEvent(e.eventId), keyring) })),
  };
  // The core and AMLYZE may write a number back inside their own words: every number this customer
  // is known to have (the payloads, every edit, every request sent, AMLYZE's events) is masked there too.
  const known: string[] = [];
  if (enrollment) for (const payload of [enrollment.payload, enrollment.receivedPayload]) identityValues(openIdentities(payload, piiOwner.enrollment(enrollmentId!), keyring), known);
  for (const r of opened.revisions) {
    for (const change of r.changes) {
      if (isIdentityPath(change.path)) for (const value of [change.old, change.new]) if (typeof value === "string" || typeof value === "number") known.push(String(value));
      identityValues([change.old, change.new], known);
    }
  }
  for (const c of opened.calls) identityValues(parseJson(c.requestBody), known);
  for (const e of opened.events) identityValues(e.data, known);
  const isKnown = knownNumbers(known);
  const maskBody = (text: string | null) => {
    const masked = maskJsonText(text);
    return masked === null ? null : maskNumbersIn(masked, isKnown);
  };

  const names = await displayNames(db, [...revisions, ...audits].map((row) => row.actorId));
  const entries: TTimelineEntry[] = [];
  if (enrollment) {
    const intake = await db.auditEvent.findFirst({ where: { targetType: "enrollment", targetId: enrollmentId!, action: "enrollment.received" }, select: { actorId: true, actorLabel: true } });
    entries.push({ kind: "received", at: enrollment.receivedAt, actor: intake ? actorName(names, intake) : null });
  }
  for (const r of opened.revisions) {
    entries.push({ kind: "revision", at: r.at, actor: actorName(names, r), section: r.section, version: r.version, changes: r.changes.map(maskChange) });
  }
  for (const a of audits) entries.push({ kind: "action", at: a.at, actor: actorName(names, a), action: a.action, details: a.details });
  for (const c of opened.calls) {
    entries.push({
      kind: "call",
      at: c.startedAt,
      step: c.step,
      attempt: c.attempt,
      outcome: c.outcome,
      httpStatus: c.httpStatus,
      durationMs: c.durationMs,
      error: maskReason(c.error, isKnown),
      url: c.url,
      requestBody: maskBody(c.requestBody),
      responseBody: maskBody(c.responseBody),
    });
  }
  for (const s of opened.submissions) {
    entries.push({ kind: "submission", at: s.createdAt, communicationNumber: s.communicationNumber, pushSeq: s.pushSeq, status: s.status, message: maskReason(s.message, isKnown) });
  }
  for (const e of opened.events) {
    const time = e.time?.toISOString() ?? null;
    entries.push({
      kind: "event",
      at: e.time ?? e.receivedAt,
      receivedAt: e.receivedAt,
      eventId: e.eventId,
      type: e.type,
      known: classifyEvent({ id: e.eventId, type: e.type, time, data: e.data }).kind !== "unknown",
      source: e.source,
      data: e.data === null ? null : maskNumbersIn(JSON.stringify(maskDocumentNumbers(e.data), null, 2), isKnown),
    });
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
