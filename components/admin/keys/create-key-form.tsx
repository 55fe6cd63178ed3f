"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { FormError } from "@/components/ui/form-error";
import { createIntakeKeyAction } from "@/lib/intake/actions/create-intake-key";
import { ZIntakeKeyName } from "@/lib/intake/api-key-schemas";

/** Names a new key; the key itself appears once, here, and nowhere else ever again. */
export function CreateKeyForm() {
  const t = useTranslations("admin.keys");
  const form = useZodForm(ZIntakeKeyName, { defaultValues: { name: "" } });
  const { executeAsync, isPending } = useAction(createIntakeKeyAction);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setCreated(null);
    const result = await executeAsync(values);
    if (result?.data) {
      setCreated({ name: result.data.name, key: result.data.key });
      form.reset();
    } else {
      form.setError("root.serverError", { message: result?.serverError ?? t("errors.failed") });
    }
  });

  return (
    <div className="space-y-3">
      {created && (
        <div role="status" className="space-y-1 rounded-md bg-green-50 p-3 text-sm text-green-900">
          <p className="font-medium">{t("shownOnce")}</p>
          <label className="block space-y-1">
            <span className="text-xs">{t("keyLabel", { name: created.name })}</span>
            <Input readOnly value={created.key} data-testid="new-intake-key" className="font-mono" onFocus={(event) => event.currentTarget.select()} />
          </label>
          <CopyButton value={created.key} label={t("copyKey", { name: created.name })} />
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2">
        <div className="min-w-72 flex-1">
          <FormField id="key-name" label={t("name")} hint={t("nameHint")} error={form.formState.errors.name && t("errors.name")}>
            {(control) => <Input autoComplete="off" {...control} {...form.register("name")} />}
          </FormField>
        </div>
        <Button type="submit" disabled={isPending}>
          {isPending ? t("saving") : t("submit")}
        </Button>
      </form>
      <FormError error={form.formState.errors.root?.serverError} />
    </div>
  );
}
