"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { setTotpPolicyAction } from "@/lib/auth/actions/set-totp-policy";

/** "Require TOTP for all users": a radio pair and Save; read-only when REQUIRE_TOTP decides. */
export function RequireTotpForm({ required, locked, sourceNote }: { required: boolean; locked: boolean; sourceNote: string }) {
  const t = useTranslations("admin.settings");
  const [value, setValue] = useState(required);
  const { execute, isPending, result } = useAction(setTotpPolicyAction);
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        execute({ required: value });
      }}
    >
      <fieldset disabled={locked || isPending} className="flex gap-4 text-sm">
        <legend className="sr-only">{t("requireTotp")}</legend>
        {([true, false] as const).map((option) => (
          <label key={String(option)} className="flex items-center gap-2">
            <input type="radio" name="requireTotp" checked={value === option} onChange={() => setValue(option)} />
            {option ? t("required") : t("optional")}
          </label>
        ))}
      </fieldset>
      <p className="text-xs text-muted-foreground">{sourceNote}</p>
      {!locked && (
        <Button type="submit" disabled={isPending}>
          {t("save")}
        </Button>
      )}
      <p role="status" className="text-sm">
        {result.data ? t("saved") : null}
      </p>
      {result.serverError ? (
        <p role="alert" className="text-sm text-red-700">
          {result.serverError}
        </p>
      ) : null}
    </form>
  );
}
