import "server-only";
import { piiKeys, piiOwner } from "@/lib/crypto/pii";
import type { TChange } from "@/lib/enrollment/diff";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openChanges, openIdentities, openReason, openText } from "@/lib/pii/identities";
import type { TReason } from "@/lib/reasons/reason";
import { maskChange, maskDocumentNumbers, maskJsonText } from "./mask";
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
    enrollmentId ? db.enrollment.findUnique({ where: { id: enrollmentId }, select: { receivedAt: true } }) : null,
    enrollmentId ? db.enrollmentRevision.findMany({ where: { enrollmentId }, orderBy: { version: "asc" }, take: LIMIT }) : [],
    enrollmentId
      ? db.auditEvent.findMany({
          // People's actions; saved edits come as revisions (with their diff), the system's as calls and submissions.
          where: { targetType: "enrollment", targetId: enrollmentId, OR: [{ actorId: { not: null } }, { action: "enrollment.push_settled" }], NOT: { action: { in: ["enrollment.section_saved", "enrollment.received"] } } },
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
  const entries: TTimelineEntry[] = [];
  if (enrollment) {
    const intake = await db.auditEvent.findFirst({ where: { targetType: "enrollment", targetId: enrollmentId!, action: "enrollment.received" }, select: { actorLabel: true } });
    entries.push({ kind: "received", at: enrollment.receivedAt, actor: intake?.actorLabel ?? null });
  }
  for (const r of revisions) {
    entries.push({ kind: "revision", at: r.at, actor: r.actorLabel, section: r.section, version: r.version, changes: openChanges(r.changes as unknown as TChange[], piiOwner.enrollment(r.enrollmentId), keyring).map(maskChange) });
  }
  for (const a of audits) entries.push({ kind: "action", at: a.at, actor: a.actorLabel, action: a.action, details: a.details });
  for (const c of calls) {
    entries.push({
      kind: "call",
      at: c.startedAt,
      step: c.step,
      attempt: c.attempt,
      outcome: c.outcome,
      httpStatus: c.httpStatus,
      durationMs: c.durationMs,
      error: openReason(c.error, piiOwner.enrollmentBody(c.enrollmentId), keyring),
      url: c.url,
      requestBody: maskJsonText(openText(c.requestBody, piiOwner.enrollmentBody(c.enrollmentId), keyring)),
      responseBody: maskJsonText(openText(c.responseBody, piiOwner.enrollmentBody(c.enrollmentId), keyring)),
    });
  }
  for (const s of submissions) {
    entries.push({
      kind: "submission",
      at: s.createdAt,
      communicationNumber: s.communicationNumber,
      pushSeq: s.pushSeq,
      status: s.status,
      message: openReason(s.message, piiOwner.enrollmentBody(s.enrollmentId), keyring),
    });
  }
  for (const e of events) {
    const time = e.time?.toISOString() ?? null;
    entries.push({
      kind: "event",
      at: e.time ?? e.receivedAt,
      receivedAt: e.receivedAt,
      eventId: e.eventId,
      type: e.type,
      known: classifyEvent({ id: e.eventId, type: e.type, time, data: e.data }).kind !== "unknown",
      source: e.source,
      data: e.data === null ? null : JSON.stringify(maskDocumentNumbers(openIdentities(e.data, piiOwner.amlEvent(e.eventId), keyring)), null, 2),
    });
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
