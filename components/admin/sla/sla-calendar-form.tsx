"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { saveSlaCalendarAction } from "@/lib/sla/actions/save-sla-calendar";
import { ZSlaCalendarInput, type TSlaCalendarInput } from "@/lib/sla/sla-schemas";

/** Monday first on screen; the stored week is Sunday first. */
const SHOWN_DAYS = [1, 2, 3, 4, 5, 6, 0] as const;

/** The review target, time zone and working hours of every weekday (Admin → Settings → Review SLA). */
export function SlaCalendarForm({ initial }: { initial: TSlaCalendarInput }) {
  const t = useTranslations("admin.sla");
  const router = useRouter();
  const form = useZodForm(ZSlaCalendarInput, { defaultValues: initial });
  const { fields } = useFieldArray({ control: form.control, name: "days" });
  const { errors } = form.formState;
  const save = useAction(saveSlaCalendarAction);
  const [saved, setSaved] = useState(false);

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const result = await save.executeAsync(values);
    if (result?.data?.kind === "done") {
      setSaved(true);
      router.refresh();
    } else {
      form.setError("root.serverError", { message: result?.serverError ?? t("errors.failed") });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("calendarTitle")}>
      <div className="flex flex-wrap gap-4">
        <FormField id="sla-target" label={t("targetHours")} hint={t("targetHoursHint")} error={errors.targetHours && t("errors.targetHours")}>
          {(control) => <Input className="w-28" inputMode="decimal" autoComplete="off" {...control} {...form.register("targetHours")} />}
        </FormField>
        <FormField id="sla-zone" label={t("timeZone")} hint={t("timeZoneHint")} error={errors.timeZone && t("errors.timeZone")}>
          {(control) => <Input className="w-64" autoComplete="off" translate="no" {...control} {...form.register("timeZone")} />}
        </FormField>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("workingHours")}</legend>
        {SHOWN_DAYS.map((index) => {
          const field = fields[index];
          if (!field) return null;
          const dayErrors = errors.days?.[index];
          const name = t(`weekdays.${index}`);
          return (
            <div key={field.id} className="flex flex-wrap items-center gap-3 text-sm">
              <label className="flex w-32 items-center gap-2">
                <input type="checkbox" {...form.register(`days.${index}.worked`)} />
                {name}
              </label>
              <label className="flex items-center gap-1">
                <span className="sr-only">{t("opens", { day: name })}</span>
                <Input type="time" className="w-28" aria-invalid={Boolean(dayErrors)} {...form.register(`days.${index}.open`)} />
              </label>
              <span aria-hidden="true">–</span>
              <label className="flex items-center gap-1">
                <span className="sr-only">{t("closes", { day: name })}</span>
                <Input type="time" className="w-28" aria-invalid={Boolean(dayErrors)} {...form.register(`days.${index}.close`)} />
              </label>
              {dayErrors && <span className="text-danger">{t("errors.hours", { day: name })}</span>}
            </div>
          );
        })}
        {errors.days?.root && <p className="text-sm text-danger">{t("errors.noWorkingDay")}</p>}
        {errors.days?.message && <p className="text-sm text-danger">{t("errors.noWorkingDay")}</p>}
      </fieldset>
      <FormError error={errors.root?.serverError} />
      <p role="status" className="text-sm text-green-900">
        {saved ? t("saved") : null}
      </p>
      <Button type="submit" disabled={save.isPending}>
        {t("save")}
      </Button>
    </form>
  );
}
