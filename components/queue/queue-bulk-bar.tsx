"use client";

import { useTranslations } from "next-intl";
import { AssignSelect, type TDeskOfficer } from "@/components/desk/assign-select";
import { OwnershipMessage } from "@/components/desk/ownership-message";
import { useOwnership } from "@/components/desk/use-ownership";
import { Button } from "@/components/ui/button";

/** What can be done with the rows ticked in the queue: claim, release, and (leads) assign. */
export function QueueBulkBar({ selected, lead, officers, onDone }: { selected: string[]; lead: boolean; officers: readonly TDeskOfficer[]; onDone: () => void }) {
  const t = useTranslations("desk");
  const ownership = useOwnership();
  const none = selected.length === 0;
  const after = (done: boolean) => {
    if (done) onDone();
  };
  return (
    <div className="space-y-2 rounded-lg border border-border bg-white p-3" data-testid="queue-bulk-bar">
      <div className="flex flex-wrap items-end gap-3">
        <span className="self-center text-sm" aria-live="polite">
          {t("selected", { count: selected.length })}
        </span>
        <Button type="button" disabled={none || ownership.pending} onClick={async () => after(await ownership.claim(selected))}>
          {t("claim")}
        </Button>
        <Button type="button" variant="secondary" disabled={none || ownership.pending} onClick={async () => after(await ownership.release(selected))}>
          {t("release")}
        </Button>
        {lead && <AssignSelect id="bulk-assign" officers={officers} disabled={none || ownership.pending} onAssign={async (assigneeId) => after(await ownership.assign(selected, assigneeId))} />}
      </div>
      <OwnershipMessage message={ownership.message} />
    </div>
  );
}
