"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { setSwitchAction } from "@/lib/settings/actions/set-switch";
import type { TSwitchName } from "@/lib/settings/switches";

type TProps = {
  name: TSwitchName;
  on: boolean;
  /** The environment decides: shown, not editable. */
  locked: boolean;
  sourceNote: string;
  legend: string;
  labels: { on: string; off: string };
};

/** One on/off setting of Admin → Settings: a radio pair and Save. */
export function SwitchSettingForm({ name, on, locked, sourceNote, legend, labels }: TProps) {
  const t = useTranslations("admin.settings");
  const [value, setValue] = useState(on);
  const { execute, isPending, result } = useAction(setSwitchAction);
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        execute({ name, on: value });
      }}
    >
      <fieldset disabled={locked || isPending} className="flex gap-4 text-sm">
        <legend className="sr-only">{legend}</legend>
        {([true, false] as const).map((option) => (
          <label key={String(option)} className="flex items-center gap-2">
            <input type="radio" name={name} checked={value === option} onChange={() => setValue(option)} />
            {option ? labels.on : labels.off}
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
