"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TIdentitySummary } from "@/lib/enrollment/identity-match";

/** The queue row's person across enrollments: its customer in the core, the same person elsewhere, warnings. */
export function IdentityCell({ identity }: { identity: TIdentitySummary }) {
  const t = useTranslations("identity");
  const tStatus = useTranslations("status");
  const format = useFormatter();
  const { customer, samePerson } = identity;
  const fromCode = customer?.fromOtherBranch ? t("otherBranch") : (customer?.fromCode ?? "—");
  const statusText = (status: string) => (tStatus.has(status as "ready") ? tStatus(status as "ready") : status);
  return (
    <div className="space-y-1 text-xs" data-testid="queue-identity">
      {customer &&
        (customer.own ? (
          <p className="font-medium">{t("customerOwn", { number: customer.number })}</p>
        ) : customer.since ? (
          <p className="font-medium">{t("customerFrom", { number: customer.number, code: fromCode, date: format.dateTime(new Date(customer.since), { dateStyle: "medium" }) })}</p>
        ) : (
          <p className="font-medium">{t("customerFromUndated", { number: customer.number, code: fromCode })}</p>
        ))}
      {samePerson && (
        <p>
          {t("samePerson", { code: samePerson.otherBranch ? t("otherBranch") : (samePerson.wisenrollCode ?? "—"), status: statusText(samePerson.status) })}
          {identity.moreSamePerson > 0 && ` ${t("moreSamePerson", { count: identity.moreSamePerson })}`}
        </p>
      )}
      {(identity.blocked || identity.possibleDuplicates > 0) && (
        <p className="flex flex-wrap gap-1">
          {identity.blocked && <Badge tone="danger">{t("blocked")}</Badge>}
          {identity.possibleDuplicates > 0 && <Badge tone="warning">{t("possibleDuplicates", { count: identity.possibleDuplicates })}</Badge>}
        </p>
      )}
      {!customer && !samePerson && !identity.blocked && identity.possibleDuplicates === 0 && <span aria-hidden="true">—</span>}
    </div>
  );
}
