import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TIdentityMatch, TPeerRef } from "@/lib/enrollment/identity-match";
import { LazyIdentityDecisionForm } from "./lazy-identity-decision";

const SHOWN_DUPLICATES = 5;

type TProps = {
  enrollmentId: string;
  match: TIdentityMatch | null;
  /** The main document gives no identity (type, number or country missing). */
  noIdentity: boolean;
  /** The viewer may decide (officers); others read. */
  canDecide: boolean;
  viewerId: string;
};

/** "Who this person is": the core customer, the other enrollments of the person, conflicts and possible duplicates. */
export async function IdentityBlock({ enrollmentId, match, noIdentity, canDecide, viewerId }: TProps) {
  const t = await getTranslations("identity");
  const tStatus = await getTranslations("status");
  const format = await getFormatter();
  const status = (value: string) => (tStatus.has(value as "ready") ? tStatus(value as "ready") : value);
  // an enrollment of another branch is named as such: the reader may not open it
  const code = (peer: TPeerRef) => (peer.otherBranch ? t("otherBranch") : (peer.wisenrollCode ?? peer.id.slice(0, 8)));
  // the other enrollments named in a warning, to open them
  const links = (peers: readonly TPeerRef[]) => (
    <p className="flex flex-wrap gap-3">
      {peers.filter((peer) => !peer.otherBranch).map((peer) => (
        <Link key={peer.id} href={`/enrollments/${peer.id}`} className="text-brand hover:underline">
          {t("open", { code: code(peer) })}
        </Link>
      ))}
    </p>
  );
  const customer = match?.customer ?? null;
  const customerFrom =
    customer &&
    (customer.since
      ? t("customerFrom", { number: customer.number, code: code(customer.from), date: format.dateTime(new Date(customer.since), { dateStyle: "medium" }) })
      : t("customerFromUndated", { number: customer.number, code: code(customer.from) }));
  const samePerson = (match?.samePerson ?? []).filter((peer) => customer?.own === true || peer.id !== customer?.from.id);
  const conflict = match?.conflict ?? null;
  const allDuplicates = match?.duplicates ?? [];
  // a common name and birth date can match many: the first few, and how many more
  const duplicates = allDuplicates.slice(0, SHOWN_DUPLICATES);
  const nothing = !customer && samePerson.length === 0 && !conflict && duplicates.length === 0;

  return (
    <section id="identity" aria-labelledby="identity-title" className="scroll-mt-4 space-y-3 rounded-lg border border-border bg-white p-4 text-sm" data-testid="identity-block">
      <h2 id="identity-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {noIdentity && <p className="text-muted-foreground">{t("noDocument")}</p>}
      {customer && (
        <p className="font-medium" data-testid="identity-customer">
          {customer.own ? (
            t("customerOwn", { number: customer.number })
          ) : customer.from.otherBranch ? (
            customerFrom
          ) : (
            // the whole sentence links to the enrollment the customer came from
            <Link href={`/enrollments/${customer.from.id}`} className="text-brand hover:underline">
              {customerFrom}
            </Link>
          )}
        </p>
      )}
      {samePerson.length > 0 && (
        <ul className="list-disc space-y-1 pl-5">
          {samePerson.map((peer) => (
            <li key={peer.id}>
              {peer.otherBranch ? (
                t("samePerson", { code: code(peer), status: status(peer.status) })
              ) : (
                <Link href={`/enrollments/${peer.id}`} className="text-brand hover:underline">
                  {t("samePerson", { code: code(peer), status: status(peer.status) })}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {conflict && (
        <div role={conflict.decision ? undefined : "alert"} className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3" data-testid="identity-conflict">
          <h3 className="font-medium">{t("conflictTitle")}</h3>
          {conflict.decision ? (
            <p>{t(conflict.decision.kind === "same_person" ? "decidedSame" : "decidedDifferent", { who: conflict.decision.decidedBy, reason: conflict.decision.reason })}</p>
          ) : (
            <>
              <p>{t("conflictText", { list: conflict.with.map(code).join(", ") })}</p>
              {links(conflict.with)}
              <ul className="list-disc pl-5">
                <li>{t("conflictSame")}</li>
                <li>{t("conflictTypo")}</li>
                <li>{t("conflictDifferent")}</li>
              </ul>
            </>
          )}
          {canDecide && <LazyIdentityDecisionForm mode="conflict" enrollmentId={enrollmentId} />}
        </div>
      )}
      {duplicates.map(({ peer, proposal }) => (
        <div key={peer.id} className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="identity-duplicate">
          <h3 className="font-medium">{t("duplicateTitle")}</h3>
          <p>{t("duplicateText", { code: code(peer), name: peer.fullName || "—", status: status(peer.status), last4: peer.mainDocLast4 || "—" })}</p>
          {links([peer])}
          {proposal && <p>{t("duplicateProposed", { who: proposal.decidedBy, reason: proposal.reason })}</p>}
          {canDecide && (!proposal || proposal.decidedById !== viewerId) && (
            <LazyIdentityDecisionForm mode="duplicate" enrollmentId={enrollmentId} otherEnrollmentId={peer.id} confirm={proposal !== null} />
          )}
        </div>
      ))}
      {allDuplicates.length > duplicates.length && <p className="text-muted-foreground">{t("moreDuplicates", { count: allDuplicates.length - duplicates.length })}</p>}
      {!noIdentity && nothing && <p className="text-muted-foreground">{t("noMatch")}</p>}
    </section>
  );
}
