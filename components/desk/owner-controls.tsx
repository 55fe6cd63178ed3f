"use client";

import { useTranslations } from "next-intl";
import { AssignSelect, type TDeskOfficer } from "@/components/desk/assign-select";
import { NextEnrollmentButton } from "@/components/desk/next-enrollment-button";
import { OwnershipMessage } from "@/components/desk/ownership-message";
import { useOwnership } from "@/components/desk/use-ownership";
import { Button } from "@/components/ui/button";

type TProps = {
  enrollmentId: string;
  owner: { id: string; name: string } | null;
  /** The reader, when they may own enrollments; null for read-only roles. */
  desk: { userId: string; lead: boolean } | null;
  /** The officers of this enrollment's branch a lead may assign it to. */
  officers: readonly TDeskOfficer[];
};

/** The enrollment page's owner line: who has it, "Assign to me", "Release", and a lead's "Assign to…". */
export function OwnerControls({ enrollmentId, owner, desk, officers }: TProps) {
  const t = useTranslations("desk");
  const ownership = useOwnership();
  const mine = owner !== null && desk !== null && owner.id === desk.userId;
  return (
    <section aria-label={t("ownerTitle")} className="space-y-2 rounded-md border border-border bg-white p-3 text-sm" data-testid="owner-controls">
      <div className="flex flex-wrap items-center gap-3">
        <span data-testid="owner">{owner ? (mine ? t("ownerMe") : t("owner", { name: owner.name })) : t("unassigned")}</span>
        {desk && !owner && (
          <Button type="button" disabled={ownership.pending} onClick={() => void ownership.claim([enrollmentId])}>
            {t("claim")}
          </Button>
        )}
        {desk && owner && (mine || desk.lead) && (
          <Button type="button" variant="secondary" disabled={ownership.pending} onClick={() => void ownership.release([enrollmentId])}>
            {t("release")}
          </Button>
        )}
        {desk && (
          <span className="ml-auto">
            <NextEnrollmentButton except={enrollmentId} variant="secondary" />
          </span>
        )}
        {desk?.lead && <AssignSelect id="assign-owner" officers={officers.filter((officer) => officer.id !== owner?.id)} disabled={ownership.pending} onAssign={(assigneeId) => ownership.assign([enrollmentId], assigneeId)} />}
      </div>
      <OwnershipMessage message={ownership.message} />
    </section>
  );
}
