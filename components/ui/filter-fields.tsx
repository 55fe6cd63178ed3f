import type { ComponentProps } from "react";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

/** The fields of a filter bar (the queue's, the AML queue's): a label over each control. */

type TOption = { value: string; label: string };

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
    <div className={cn("space-y-1", className)}>
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} name={name} defaultValue={value ?? ""}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
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
    <div className={cn("space-y-1", className)}>
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} defaultValue={value ?? ""} {...input} />
    </div>
  );
}

/** A branch as both filter bars list it. */
export const branchOption = (branch: { code: string; name: string | null }): TOption => ({
  value: branch.code,
  label: branch.name ? `${branch.code} · ${branch.name}` : branch.code,
});
