import type { ComponentProps } from "react";
import { useTranslations } from "next-intl";
import type { TDayRange, TDayRangeProblem } from "@/lib/dates/day-range";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { branchLabel } from "@/lib/desk/branch-label";
import { cn } from "@/lib/utils";

/** The fields of a filter bar (the queue's, the AML queue's): a label over each control. */

/** `data`: the label is data (a person's or a branch's name), not the interface: never translated. */
type TOption = { value: string; label: string; data?: true };

/** A select of a filter bar; `anyLabel` adds the empty "no filter" option first. */
export function FilterSelect({ id, name, label, value, anyLabel, options, className }: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  anyLabel?: string;
  options: readonly TOption[];
  className?: string;
}) {
  return (
    // min-w-0: a long option (a branch's name) truncates in the select instead of widening its column
    <div className={cn("min-w-0 space-y-1", className)}>
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} name={name} defaultValue={value ?? ""} className="truncate">
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} translate={option.data ? "no" : undefined}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

/** A text, search or date input of a filter bar. */
export function FilterInput({ id, label, value, className, ...input }: Omit<ComponentProps<"input">, "value" | "defaultValue"> & {
  id: string;
  label: string;
  value: string | undefined;
}) {
  return (
    <div className={cn("min-w-0 space-y-1", className)}>
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} defaultValue={value ?? ""} {...input} />
    </div>
  );
}

/** A branch as both filter bars list it. */
export const branchOption = (branch: { code: string; name: string | null }): TOption => ({
  value: branch.code,
  label: branchLabel(branch) ?? branch.code,
  data: true,
});

/**
 * The "from" and "to" days of a filter bar: typed as the forms type dates (YYYY-MM-DD, not the
 * browser's own date picker, which writes dates in the browser's language), with the range's
 * problem (lib/dates/day-range.ts) shown under them, naming the field.
 */
export function DayRangeFields({ ids, labels, values, problem }: {
  ids: { from: string; to: string };
  labels: { from: string; to: string };
  values: TDayRange;
  problem: TDayRangeProblem | null;
}) {
  const t = useTranslations("app.dates");
  const errorId = `${ids.from}-range-error`;
  const day = { type: "text", inputMode: "numeric", maxLength: 10, autoComplete: "off", placeholder: t("placeholder") } as const;
  const invalid = (field: "from" | "to") => (problem?.field === field ? { "aria-invalid": true, "aria-describedby": errorId } : {});
  return (
    <>
      <FilterInput id={ids.from} name="from" label={labels.from} value={values.from} {...day} {...invalid("from")} />
      <FilterInput id={ids.to} name="to" label={labels.to} value={values.to} {...day} {...invalid("to")} />
      {problem && (
        <p id={errorId} role="alert" className="col-span-full text-sm text-danger">
          {problem.problem === "reversed" ? t("reversed", labels) : t("notADay", { field: labels[problem.field], format: t("placeholder") })}
        </p>
      )}
    </>
  );
}
