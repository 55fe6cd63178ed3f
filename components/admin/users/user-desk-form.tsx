"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Panel } from "@/components/ui/panel";
import { branchListText, ZBranchList } from "@/lib/desk/branch-code";
import { setUserDeskAction } from "@/lib/users/actions/set-user-desk";
import type { TUserAdminResult } from "@/lib/users/user-schemas";

/** Branches a user works (comma- or space-separated codes) and the lead flag. */
export function UserDeskForm({ user, onResult }: { user: { id: string; branches: string[]; deskLead: boolean }; onResult: (result: { data?: TUserAdminResult; serverError?: string } | undefined) => void }) {
  const t = useTranslations("admin.userDetail");
  const [branches, setBranches] = useState(branchListText(user.branches));
  const [deskLead, setDeskLead] = useState(user.deskLead);
  const action = useAction(setUserDeskAction);
  const parsed = ZBranchList.safeParse(branches);
  return (
    <Panel id="desk-heading" title={t("deskTitle")}>
      <form
        className="space-y-3"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!parsed.success) return;
          onResult(await action.executeAsync({ userId: user.id, branches: parsed.data, deskLead }));
        }}
      >
        <FormField id="branches" label={t("branches")} hint={t("branchesHelp")} error={parsed.success ? undefined : t("branchesRule")}>
          {(control) => <Input className="w-72" autoComplete="off" value={branches} onChange={(event) => setBranches(event.target.value)} {...control} />}
        </FormField>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={deskLead} onChange={(event) => setDeskLead(event.target.checked)} />
          {t("deskLead")}
        </label>
        <p className="text-xs text-muted-foreground">{t("deskLeadHelp")}</p>
        <Button type="submit" disabled={action.isPending || !parsed.success}>
          {t("saveDesk")}
        </Button>
      </form>
    </Panel>
  );
}
