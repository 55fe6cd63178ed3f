"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { setFourEyes } from "@/lib/push/actions/settings";

/** The four-eyes switch: a radio pair and Save; read-only when the environment decides. */
export function FourEyesForm({ enabled, locked, sourceNote }: { enabled: boolean; locked: boolean; sourceNote: string }) {
  const t = useTranslations("admin.settings");
  const [value, setValue] = useState(enabled);
  const { execute, isPending, result } = useAction(setFourEyes);
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        execute({ enabled: value });
      }}
    >
      <fieldset disabled={locked || isPending} className="flex gap-4 text-sm">
        <legend className="sr-only">{t("fourEyes")}</legend>
        {([true, false] as const).map((option) => (
          <label key={String(option)} className="flex items-center gap-2">
            <input type="radio" name="fourEyes" checked={value === option} onChange={() => setValue(option)} />
            {option ? t("on") : t("off")}
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
