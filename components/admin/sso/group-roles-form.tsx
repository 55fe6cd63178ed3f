"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import { saveSsoGroupRolesAction } from "@/lib/auth/sso/actions/save-sso-group-roles";
import { ZGroupRoles, type TGroupRole } from "@/lib/auth/sso/group-roles";
import { ROLES, type TRole } from "@/lib/auth/roles";
import { branchListText } from "@/lib/desk/branch-code";

/** A row as edited: no role ("") for a group that gives branches only; the branches as typed. */
type TRow = { group: string; role: TRole | ""; branches: string };

/** The group → role and branches table: rows edited in place, saved as a whole (a change signs SSO users out). */
export function GroupRolesForm({ initial }: { initial: TGroupRole[] }) {
  const t = useTranslations("admin.settings.sso");
  const tRole = useTranslations("app.role");
  const router = useRouter();
  const [rows, setRows] = useState<TRow[]>(initial.map((row) => ({ group: row.group, role: row.role ?? "", branches: branchListText(row.branches ?? []) })));
  const [invalid, setInvalid] = useState(false);
  const { executeAsync, isPending, result } = useAction(saveSsoGroupRolesAction);
  const update = (index: number, patch: Partial<TRow>) => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <form
      aria-label={t("mappings")}
      className="space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const parsed = ZGroupRoles.safeParse({ mappings: rows });
        setInvalid(!parsed.success);
        if (!parsed.success) return;
        const saved = await executeAsync(parsed.data);
        if (saved?.data) router.refresh();
      }}
    >
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left">
            <th className="font-medium">{t("group")}</th>
            <th className="font-medium">{t("role")}</th>
            <th className="font-medium">{t("branches")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <td className="pr-2">
                <Input aria-label={`${t("group")} ${index + 1}`} value={row.group} onChange={(event) => update(index, { group: event.target.value })} />
              </td>
              <td className="pr-2">
                <NativeSelect aria-label={`${t("role")} ${index + 1}`} value={row.role} onChange={(event) => update(index, { role: event.target.value as TRole | "" })}>
                  <option value="">{t("branchesOnly")}</option>
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {tRole(role)}
                    </option>
                  ))}
                </NativeSelect>
              </td>
              <td className="pr-2">
                <Input aria-label={`${t("branches")} ${index + 1}`} placeholder="01, 02" value={row.branches} onChange={(event) => update(index, { branches: event.target.value })} />
              </td>
              <td>
                <Button type="button" variant="secondary" onClick={() => setRows((current) => current.filter((_, i) => i !== index))}>
                  {t("remove")}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex gap-2">
        <Button type="button" variant="secondary" onClick={() => setRows((current) => [...current, { group: "", role: "officer", branches: "" }])}>
          {t("add")}
        </Button>
        <Button type="submit" disabled={isPending}>
          {t("save")}
        </Button>
      </div>
      <p role="status" className="text-sm">
        {result.data ? t(result.data.changed ? "saved" : "unchanged") : null}
      </p>
      {(invalid || result.serverError) && (
        <p role="alert" className="text-sm text-danger">
          {invalid ? t("invalid") : result.serverError}
        </p>
      )}
    </form>
  );
}
