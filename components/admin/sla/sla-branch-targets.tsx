"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { removeSlaBranchTargetAction } from "@/lib/sla/actions/remove-sla-branch-target";
import { saveSlaBranchTargetAction } from "@/lib/sla/actions/save-sla-branch-target";
import { ZSlaBranchTargetInput } from "@/lib/sla/sla-schemas";

type TBranchTarget = { branchCode: string; targetMinutes: number; timeZone: string | null };

/** Branches with their own review target (over the calendar's): the list, remove, and add or change one. */
export function SlaBranchTargets({ targets }: { targets: TBranchTarget[] }) {
  const t = useTranslations("admin.sla");
  const router = useRouter();
  const form = useZodForm(ZSlaBranchTargetInput, { defaultValues: { branchCode: "", targetHours: "" as unknown as number, timeZone: "" } });
  const { errors } = form.formState;
  const save = useAction(saveSlaBranchTargetAction);
  const remove = useAction(removeSlaBranchTargetAction);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await save.executeAsync(values);
    if (result?.data?.kind === "done") {
      form.reset();
      router.refresh();
    } else {
      form.setError("root.serverError", { message: result?.serverError ?? t("errors.failed") });
    }
  });

  return (
    <div className="space-y-3">
      {targets.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("noBranchTargets")}</p>
      ) : (
        <ul className="divide-y divide-border text-sm">
          {targets.map((target) => (
            <li key={target.branchCode} className="flex items-center justify-between gap-3 py-1">
              <span>
                <span translate="no" className="font-mono">
                  {target.branchCode}
                </span>{" "}
                {t("branchTargetLine", { hours: target.targetMinutes / 60 })}
                {target.timeZone && (
                  <span translate="no" className="text-muted-foreground">
                    {" "}
                    · {target.timeZone}
                  </span>
                )}
              </span>
              <Button
                variant="secondary"
                disabled={remove.isPending}
                aria-label={t("removeBranchTarget", { branch: target.branchCode })}
                onClick={async () => {
                  await remove.executeAsync({ branchCode: target.branchCode });
                  router.refresh();
                }}
              >
                {t("remove")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3" aria-label={t("branchTargetsTitle")}>
        <FormField id="sla-branch" label={t("branchCode")} error={errors.branchCode && t("errors.branchCode")}>
          {(control) => <Input className="w-28 font-mono" autoComplete="off" {...control} {...form.register("branchCode")} />}
        </FormField>
        <FormField id="sla-branch-target" label={t("targetHours")} error={errors.targetHours && t("errors.targetHours")}>
          {(control) => <Input className="w-28" inputMode="decimal" autoComplete="off" {...control} {...form.register("targetHours")} />}
        </FormField>
        <FormField id="sla-branch-zone" label={t("branchTimeZone")} error={errors.timeZone && t("errors.timeZone")}>
          {(control) => <Input className="w-56" autoComplete="off" translate="no" {...control} {...form.register("timeZone")} />}
        </FormField>
        <Button type="submit" className="mt-6" disabled={save.isPending}>
          {t("saveBranchTarget")}
        </Button>
        <div className="w-full">
          <FormError error={errors.root?.serverError} />
        </div>
      </form>
    </div>
  );
}
