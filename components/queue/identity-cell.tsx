"use client";

import type { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TIdentitySummary } from "@/lib/enrollment/identity-match";

type TProps = { identity: TIdentitySummary; t: ReturnType<typeof useTranslations>; format: ReturnType<typeof useFormatter> };

/**
 * The queue row's person across enrollments: its customer in the core, the same person elsewhere,
 * warnings. Given the table's translator and formatter rather than taking its own: 50 rows a page.
 */
export function IdentityCell({ identity, t, format }: TProps) {
  const { customer, samePerson } = identity;
  const fromCode = (from: { fromCode: string | null; fromOtherBranch: boolean }) => (from.fromOtherBranch ? t("identity.otherBranch") : (from.fromCode ?? "—"));
  const statusText = (status: string) => (t.has(`status.${status}`) ? t(`status.${status}`) : status);
  return (
    <div className="space-y-1 text-xs">
      {customer &&
        (customer.own ? (
          <p className="font-medium">{t("identity.customerOwn", { number: customer.number })}</p>
        ) : customer.since ? (
          <p className="font-medium">{t("identity.customerFrom", { number: customer.number, code: fromCode(customer), date: format.dateTime(new Date(customer.since), { dateStyle: "medium" }) })}</p>
        ) : (
          <p className="font-medium">{t("identity.customerFromUndated", { number: customer.number, code: fromCode(customer) })}</p>
        ))}
      {samePerson && (
        <p>
          {t("identity.samePerson", { code: samePerson.otherBranch ? t("identity.otherBranch") : (samePerson.wisenrollCode ?? "—"), status: statusText(samePerson.status) })}
          {identity.moreSamePerson > 0 && ` ${t("identity.moreSamePerson", { count: identity.moreSamePerson })}`}
        </p>
      )}
      {(identity.blocked || identity.possibleDuplicates > 0) && (
        <p className="flex flex-wrap gap-1">
          {identity.blocked && <Badge tone="danger">{t("identity.blocked")}</Badge>}
          {identity.possibleDuplicates > 0 && <Badge tone="warning">{t("identity.possibleDuplicates", { count: identity.possibleDuplicates })}</Badge>}
        </p>
      )}
    </div>
  );
}
