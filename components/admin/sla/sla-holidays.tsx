"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { addSlaHolidayAction } from "@/lib/sla/actions/add-sla-holiday";
import { removeSlaHolidayAction } from "@/lib/sla/actions/remove-sla-holiday";
import { ZSlaHolidayInput } from "@/lib/sla/sla-schemas";

type THoliday = { id: string; day: string; name: string; branchCode: string | null };

/** Days not worked (for every branch or one): the list, remove, and add one. */
export function SlaHolidays({ holidays }: { holidays: THoliday[] }) {
  const t = useTranslations("admin.sla");
  const router = useRouter();
  const form = useZodForm(ZSlaHolidayInput, { defaultValues: { day: "", name: "", branchCode: "" } });
  const { errors } = form.formState;
  const add = useAction(addSlaHolidayAction);
  const remove = useAction(removeSlaHolidayAction);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await add.executeAsync(values);
    const kind = result?.data?.kind;
    if (kind === "done") {
      form.reset();
      router.refresh();
    } else if (kind === "taken") {
      form.setError("day", { message: "taken" });
    } else {
      form.setError("root.serverError", { message: result?.serverError ?? t("errors.failed") });
    }
  });

  return (
    <div className="space-y-3">
      {holidays.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("noHolidays")}</p>
      ) : (
        <ul className="divide-y divide-border text-sm">
          {holidays.map((holiday) => (
            <li key={holiday.id} className="flex items-center justify-between gap-3 py-1">
              <span>
                <span className="font-mono">{holiday.day}</span> <span translate="no">{holiday.name}</span>{" "}
                <span className="text-muted-foreground">
                  · {holiday.branchCode ? <span translate="no">{holiday.branchCode}</span> : t("allBranches")}
                </span>
              </span>
              <Button
                variant="secondary"
                disabled={remove.isPending}
                aria-label={t("removeHoliday", { day: holiday.day })}
                onClick={async () => {
                  await remove.executeAsync({ id: holiday.id });
                  router.refresh();
                }}
              >
                {t("remove")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3" aria-label={t("holidaysTitle")}>
        <FormField id="sla-holiday-day" label={t("holidayDay")} error={errors.day && t(errors.day.message === "taken" ? "errors.holidayTaken" : "errors.day")}>
          {(control) => <Input type="date" className="w-40" {...control} {...form.register("day")} />}
        </FormField>
        <FormField id="sla-holiday-name" label={t("holidayName")} error={errors.name && t("errors.name")}>
          {(control) => <Input className="w-56" autoComplete="off" {...control} {...form.register("name")} />}
        </FormField>
        <FormField id="sla-holiday-branch" label={t("holidayBranch")} hint={t("holidayBranchHint")} error={errors.branchCode && t("errors.branchCode")}>
          {(control) => <Input className="w-28 font-mono" autoComplete="off" {...control} {...form.register("branchCode")} />}
        </FormField>
        <Button type="submit" className="mt-6" disabled={add.isPending}>
          {t("addHoliday")}
        </Button>
        <div className="w-full">
          <FormError error={errors.root?.serverError} />
        </div>
      </form>
    </div>
  );
}
