"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { FormError } from "@/components/ui/form-error";
import { createProductCodeAction } from "@/lib/product-codes/actions/create-product-code";
import { updateProductCodeAction } from "@/lib/product-codes/actions/update-product-code";
import { ZCreateProductCode, type TCreateProductCode } from "@/lib/product-codes/product-code-schemas";

/** Create a product code, or edit one (the code itself is then fixed). */
export function ProductCodeForm({ initial }: { initial?: TCreateProductCode }) {
  const t = useTranslations("admin.products");
  const router = useRouter();
  const editing = initial !== undefined;
  const form = useZodForm(ZCreateProductCode, {
    defaultValues: initial ? { ...initial, accountNumberLength: initial.accountNumberLength ?? "" } : { code: "", name: "", description: "", active: true, accountNumberLength: "" },
  });
  const { errors } = form.formState;
  const create = useAction(createProductCodeAction);
  const update = useAction(updateProductCodeAction);
  const [saved, setSaved] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(null);
    const result = editing ? await update.executeAsync(values) : await create.executeAsync(values);
    const kind = result?.data?.kind;
    if (kind === "done") {
      setSaved(t(editing ? "saved" : "created", { code: values.code }));
      if (!editing) form.reset();
      router.refresh();
    } else if (kind === "taken") {
      form.setError("code", { message: "taken" });
    } else if (kind) {
      form.setError("root.serverError", { message: t(`errors.${kind}`) });
    } else {
      form.setError("root.serverError", { message: result?.serverError ?? t("errors.failed") });
    }
  });
  const pending = create.isPending || update.isPending;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormField id="code" label={t("code")} hint={t("codeHint")} error={errors.code && t(errors.code.message === "taken" ? "errors.taken" : "errors.code")}>
        {(control) => <Input className="w-28 font-mono" upperCase maxLength={4} autoComplete="off" readOnly={editing} {...control} {...form.register("code")} />}
      </FormField>
      <FormField id="name" label={t("name")} error={errors.name && t("errors.name")}>
        {(control) => <Input autoComplete="off" {...control} {...form.register("name")} />}
      </FormField>
      <FormField id="description" label={t("description")} error={errors.description && t("errors.description")}>
        {(control) => <Input autoComplete="off" {...control} {...form.register("description")} />}
      </FormField>
      <FormField
        id="accountNumberLength"
        label={t("accountNumberLength")}
        hint={t("accountNumberLengthHint")}
        error={errors.accountNumberLength && t("errors.accountNumberLength")}
      >
        {(control) => <Input className="w-28" inputMode="numeric" maxLength={2} autoComplete="off" {...control} {...form.register("accountNumberLength")} />}
      </FormField>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register("active")} />
        {t("activeLabel")}
      </label>
      <FormError error={errors.root?.serverError} />
      <p role="status" className="text-sm text-green-900">
        {saved}
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : editing ? t("save") : t("submit")}
      </Button>
    </form>
  );
}
