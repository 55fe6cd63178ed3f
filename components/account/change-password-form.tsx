"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { FormError } from "@/components/ui/form-error";
import { changeOwnPasswordAction } from "@/lib/account/actions/change-own-password";
import { ZChangeOwnPassword } from "@/lib/users/user-schemas";

/** Current password, new password twice; on success the console opens (or the next step does). */
export function ChangePasswordForm() {
  const t = useTranslations("account.password");
  const router = useRouter();
  const form = useZodForm(ZChangeOwnPassword, { defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" } });
  const { errors } = form.formState;
  const { executeAsync, isPending } = useAction(changeOwnPasswordAction);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await executeAsync(values);
    if (result?.data?.kind === "changed") {
      router.replace("/");
      router.refresh();
    } else if (result?.data?.kind === "wrong_current") {
      form.setError("currentPassword", { message: "wrong" });
    } else if (result?.data?.kind === "locked") {
      form.setError("root.serverError", { message: t("errors.locked") });
    } else {
      form.setError("root.serverError", { message: result?.serverError ?? t("errors.failed") });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormField id="current-password" label={t("current")} error={errors.currentPassword && t(errors.currentPassword.message === "wrong" ? "errors.wrong" : "errors.required")}>
        {(control) => <Input type="password" autoComplete="current-password" {...control} {...form.register("currentPassword")} />}
      </FormField>
      <FormField id="new-password" label={t("new")} hint={t("rule")} error={errors.newPassword && t(errors.newPassword.message === "same" ? "errors.same" : "errors.rule")}>
        {(control) => <Input type="password" autoComplete="new-password" {...control} {...form.register("newPassword")} />}
      </FormField>
      <FormField id="confirm-password" label={t("confirm")} error={errors.confirmPassword && t("errors.mismatch")}>
        {(control) => <Input type="password" autoComplete="new-password" {...control} {...form.register("confirmPassword")} />}
      </FormField>
      <FormError error={errors.root?.serverError} />
      <Button type="submit" disabled={isPending}>
        {isPending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
