// What the console knows of a person across enrollments, from the blind indexes alone (no number
// in clear): the core customer this identity already has, the other enrollments of the same
// identity, a conflict (one document, another name or birth date) and possible duplicates (one
// name and birth date, another document). Pure, so the queue, the page, the push request and the
// worker read one rule; identity-matches.ts feeds it from the database.

/** An enrollment as matching sees it. */
export type TPeer = {
  id: string;
  wisenrollCode: string | null;
  fullName: string;
  status: string;
  customerNumber: string | null;
  /** ISO time the core first gave it its customer number. */
  customerSince: string | null;
  /** ISO time its last push finished: the latest push says what the core holds now. */
  pushFinishedAt: string | null;
  identityIndex: string | null;
  personIndex: string | null;
  mainDocLast4: string | null;
  /** Its branch (client_entity_branch): what a reader outside it may not learn of it is left out. */
  branchCode: string | null;
};

/** An officer's decision (identity_decisions), as matching needs it. */
export type TDecision = {
  id: string;
  enrollmentId: string;
  kind: "same_person" | "different_person" | "not_duplicate";
  identityIndex: string;
  personIndex: string | null;
  otherEnrollmentId: string | null;
  decidedById: string;
  decidedBy: string;
  confirmedBy: string | null;
  reason: string;
  decidedAt: string;
};

/**
 * Another enrollment as a reader is shown it. `otherBranch`: outside the reader's branches, so its
 * code and name are left out (identity-matches.ts): the reader learns that the core has the
 * customer, or that the person is enrolled elsewhere, never whose enrollment it is.
 */
export type TPeerRef = Pick<TPeer, "id" | "wisenrollCode" | "fullName" | "status" | "customerNumber" | "mainDocLast4" | "branchCode"> & { otherBranch: boolean };

export type TIdentityMatch = {
  /** The core customer of this identity: the enrollment's own, else the one the console created first. */
  customer: { number: string; own: boolean; from: TPeerRef; since: string | null } | null;
  /** Other enrollments of the same identity and the same (or an unknown) person. */
  samePerson: TPeerRef[];
  /** One document, another name or birth date: blocks the push until an officer decides. */
  conflict: { with: TPeerRef[]; decision: TDecision | null } | null;
  /** Same name and birth date, another document: a warning, until two officers dismiss it. */
  duplicates: Array<{ peer: TPeerRef; proposal: TDecision | null }>;
};

const ref = (peer: TPeer): TPeerRef => ({
  id: peer.id,
  wisenrollCode: peer.wisenrollCode,
  fullName: peer.fullName,
  status: peer.status,
  customerNumber: peer.customerNumber,
  mainDocLast4: peer.mainDocLast4,
  branchCode: peer.branchCode,
  otherBranch: false,
});

const time = (iso: string | null) => (iso === null ? Number.POSITIVE_INFINITY : Date.parse(iso));

/** The enrollment whose customer number the identity goes by: the first the core gave one to. */
export function identityCustomer(peers: readonly TPeer[]): TPeer | null {
  return (
    peers
      .filter((peer) => peer.customerNumber !== null)
      .sort((a, b) => time(a.customerSince) - time(b.customerSince) || a.id.localeCompare(b.id))[0] ?? null
  );
}

/** Whether a decision still stands: taken on the enrollment's identity and person as they are now. */
const standing = (decision: TDecision, self: TPeer) => decision.identityIndex === self.identityIndex && decision.personIndex === self.personIndex;

/**
 * Who `self` is among `others` (every enrollment sharing its identity or person index, self
 * excluded) given the decisions taken on self or naming it.
 */
export function matchIdentity(self: TPeer, others: readonly TPeer[], decisions: readonly TDecision[]): TIdentityMatch {
  const sameIdentity = self.identityIndex === null ? [] : others.filter((peer) => peer.identityIndex === self.identityIndex);
  const owner = identityCustomer(sameIdentity);
  const customer =
    self.customerNumber !== null
      ? { number: self.customerNumber, own: true, from: ref(self), since: self.customerSince }
      : owner
        ? { number: owner.customerNumber!, own: false, from: ref(owner), since: owner.customerSince }
        : null;

  const differs = (peer: TPeer) => self.personIndex !== null && peer.personIndex !== null && peer.personIndex !== self.personIndex;
  // What the core holds now is the data of the identity's latest push; until one, every other enrollment counts.
  const pushed = [...sameIdentity, self].filter((peer) => peer.customerNumber !== null);
  const finished = (peer: TPeer) => (peer.pushFinishedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(peer.pushFinishedAt));
  const latest = pushed.sort((a, b) => finished(b) - finished(a) || 0)[0];
  const conflicting = latest ? (latest.id !== self.id && differs(latest) ? [latest] : []) : sameIdentity.filter(differs);
  const conflictDecision =
    decisions.find((d) => d.enrollmentId === self.id && (d.kind === "same_person" || d.kind === "different_person") && standing(d, self)) ?? null;

  const duplicates =
    self.personIndex === null
      ? []
      : others
          .filter((peer) => peer.personIndex === self.personIndex && peer.identityIndex !== self.identityIndex)
          .flatMap((peer) => {
            const pair = decisions.filter(
              (d) =>
                d.kind === "not_duplicate" &&
                d.personIndex === self.personIndex &&
                ((d.enrollmentId === self.id && d.otherEnrollmentId === peer.id) || (d.enrollmentId === peer.id && d.otherEnrollmentId === self.id)),
            );
            if (pair.some((d) => d.confirmedBy !== null)) return [];
            return [{ peer: ref(peer), proposal: pair[0] ?? null }];
          });

  return {
    customer,
    samePerson: sameIdentity.filter((peer) => !differs(peer)).map(ref),
    conflict: conflicting.length > 0 ? { with: conflicting.map(ref), decision: conflictDecision } : null,
    duplicates,
  };
}

/** Why the identity stops a push, if it does: an undecided conflict, or a different person's document. */
export function identityBlock(match: TIdentityMatch): "identity_conflict" | "different_person" | null {
  if (!match.conflict) return null;
  if (match.conflict.decision === null) return "identity_conflict";
  return match.conflict.decision.kind === "different_person" ? "different_person" : null;
}

/** What a list row shows of a match: the customer, the first other enrollment of the person, the warnings. */
export type TIdentitySummary = {
  /** Its own number needs nothing more; another enrollment's names where it came from. */
  customer: { number: string; own: true } | { number: string; own: false; fromCode: string | null; fromOtherBranch: boolean; since: string | null } | null;
  samePerson: { wisenrollCode: string | null; otherBranch: boolean; status: string } | null;
  /** Other enrollments of the same person beyond the one named. */
  moreSamePerson: number;
  /** An undecided conflict, or a document decided to be another person's: the push is blocked. */
  blocked: boolean;
  possibleDuplicates: number;
};

/** The row's line, or null when there is nothing to tell: no customer, nobody else, no warning (most rows). */
export function summarizeIdentity(match: TIdentityMatch): TIdentitySummary | null {
  // the enrollment the customer came from is already named by the customer line
  const others = match.samePerson.filter((peer) => match.customer?.own === true || peer.id !== match.customer?.from.id);
  const first = others[0];
  const blocked = identityBlock(match) !== null;
  if (!match.customer && !first && !blocked && match.duplicates.length === 0) return null;
  return {
    customer:
      match.customer &&
      (match.customer.own
        ? { number: match.customer.number, own: true }
        : { number: match.customer.number, own: false, fromCode: match.customer.from.wisenrollCode, fromOtherBranch: match.customer.from.otherBranch, since: match.customer.since }),
    samePerson: first ? { wisenrollCode: first.wisenrollCode, otherBranch: first.otherBranch, status: first.status } : null,
    moreSamePerson: Math.max(0, others.length - 1),
    blocked,
    possibleDuplicates: match.duplicates.length,
  };
}
