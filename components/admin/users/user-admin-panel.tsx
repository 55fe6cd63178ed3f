"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { UserDeskForm } from "@/components/admin/users/user-desk-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Panel } from "@/components/ui/panel";
import { ROLES, type TRole } from "@/lib/auth/roles";
import { changeUserRoleAction } from "@/lib/users/actions/change-user-role";
import { resetUserPasswordAction } from "@/lib/users/actions/reset-user-password";
import { resetUserTotpAction } from "@/lib/users/actions/reset-user-totp";
import { setUserDisabledAction } from "@/lib/users/actions/set-user-disabled";
import type { TUserAdminResult } from "@/lib/users/user-schemas";
import { ZNewPassword } from "@/lib/users/user-schemas";

type TUser = { id: string; username: string; role: TRole; branches: string[]; deskLead: boolean; disabled: boolean; mustChangePassword: boolean; totpEnabledText: string | null };

/** The changes an admin makes to one user; each answers right below with what happened. */
export function UserAdminPanel({ user }: { user: TUser }) {
  const t = useTranslations("admin.userDetail");
  const tRole = useTranslations("app.role");
  const [role, setRole] = useState<TRole>(user.role);
  const [temporaryPassword, setTemporaryPassword] = useState("");
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string; password?: string } | null>(null);
  const roleAction = useAction(changeUserRoleAction);
  const disableAction = useAction(setUserDisabledAction);
  const passwordAction = useAction(resetUserPasswordAction);
  const totpAction = useAction(resetUserTotpAction);
  const pending = roleAction.isPending || disableAction.isPending || passwordAction.isPending || totpAction.isPending;

  const report = (result: { data?: TUserAdminResult; serverError?: string } | undefined) => {
    const data = result?.data;
    if (data?.kind === "done") setMessage({ tone: "ok", text: t("done"), password: data.temporaryPassword });
    else if (data) setMessage({ tone: "error", text: t(`errors.${data.kind === "username_taken" ? "failed" : data.kind}`) });
    else setMessage({ tone: "error", text: result?.serverError ?? t("errors.failed") });
  };
  const passwordInvalid = temporaryPassword !== "" && !ZNewPassword.safeParse(temporaryPassword).success;

  return (
    <div className="space-y-4">
      <div aria-live="polite">
        {message && (
          <div role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "rounded-md bg-red-50 p-3 text-sm text-danger" : "rounded-md bg-green-50 p-3 text-sm text-green-900"}>
            <p>{message.text}</p>
            {message.password && (
              <p>
                {t("passwordOnce")}{" "}
                <code data-testid="temporary-password" className="rounded bg-white px-1 font-mono">
                  {message.password}
                </code>{" "}
                <CopyButton value={message.password} label={t("copyPassword")} />
              </p>
            )}
          </div>
        )}
      </div>

      <Panel id="role-heading" title={t("roleTitle")}>
        <form
          className="flex items-end gap-2"
          onSubmit={async (event) => {
            event.preventDefault();
            report(await roleAction.executeAsync({ userId: user.id, role }));
          }}
        >
          <FormField id="role" label={t("roleTitle")}>
            {(control) => (
              <NativeSelect className="w-56" value={role} onChange={(event) => setRole(event.target.value as TRole)} {...control}>
                {ROLES.map((option) => (
                  <option key={option} value={option}>
                    {tRole(option)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          <Button type="submit" disabled={pending || role === user.role}>
            {t("changeRole")}
          </Button>
        </form>
      </Panel>

      <UserDeskForm user={user} onResult={report} />

      <Panel id="access-heading" title={t("stateTitle")}>
        <p className="text-sm text-muted-foreground">{t("disabledNote")}</p>
        <Button variant="secondary" disabled={pending} onClick={async () => report(await disableAction.executeAsync({ userId: user.id, disabled: !user.disabled }))}>
          {user.disabled ? t("enable") : t("disable")}
        </Button>
      </Panel>

      <Panel id="password-heading" title={t("passwordTitle")}>
        {user.mustChangePassword && <p className="text-sm">{t("mustChange")}</p>}
        <form
          className="space-y-2"
          onSubmit={async (event) => {
            event.preventDefault();
            if (passwordInvalid) return;
            report(await passwordAction.executeAsync({ userId: user.id, temporaryPassword }));
            setTemporaryPassword("");
          }}
        >
          <FormField id="reset-password" label={t("resetPassword")} hint={t("resetPasswordHelp")} error={passwordInvalid ? t("passwordRule") : undefined}>
            {(control) => <Input className="w-72" autoComplete="off" value={temporaryPassword} onChange={(event) => setTemporaryPassword(event.target.value)} {...control} />}
          </FormField>
          <Button type="submit" disabled={pending || passwordInvalid}>
            {t("resetPassword")}
          </Button>
        </form>
      </Panel>

      <Panel id="totp-heading" title={t("totpTitle")}>
        <p className="text-sm">{user.totpEnabledText ?? t("totpOff")}</p>
        <p className="text-sm text-muted-foreground">{t("resetTotpHelp")}</p>
        <ConfirmDialog
          trigger={t("resetTotp")}
          title={t("resetTotpConfirm", { username: user.username })}
          description={t("resetTotpHelp")}
          cancel={t("cancel")}
          confirm={t("confirm")}
          disabled={pending || !user.totpEnabledText}
          onConfirm={async () => report(await totpAction.executeAsync({ userId: user.id }))}
        />
      </Panel>
    </div>
  );
}
