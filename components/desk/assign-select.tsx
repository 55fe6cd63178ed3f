"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export type TDeskOfficer = { id: string; name: string; branches: string[] };

/** A lead's "Assign to…": an officer of the branch, then the button. */
export function AssignSelect({ id, officers, disabled, onAssign }: { id: string; officers: readonly TDeskOfficer[]; disabled: boolean; onAssign: (assigneeId: string) => Promise<unknown> }) {
  const t = useTranslations("desk");
  const [assignee, setAssignee] = useState("");
  return (
    <div className="flex items-end gap-2">
      <div className="space-y-1">
        <Label htmlFor={id}>{t("assignTo")}</Label>
        <NativeSelect id={id} value={assignee} onChange={(event) => setAssignee(event.target.value)}>
          <option value="">{t("chooseOfficer")}</option>
          {officers.map((officer) => (
            <option key={officer.id} value={officer.id} translate="no">
              {officer.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="button" variant="secondary" disabled={disabled || assignee === ""} onClick={() => void onAssign(assignee)}>
        {t("assign")}
      </Button>
    </div>
  );
}
