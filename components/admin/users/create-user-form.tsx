"use client";

import { CopyButton } from "@/components/ui/copy-button";
import Link from "next/link";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { FormError } from "@/components/ui/form-error";
import { ROLES } from "@/lib/auth/roles";
import { createUserAction } from "@/lib/users/actions/create-user";
import { ZCreateUser, type TCreateUser } from "@/lib/users/user-schemas";

/** Username, name, role and a temporary password (typed, or generated and shown once). */
export function CreateUserForm() {
  const t = useTranslations("admin.userForm");
  const tRole = useTranslations("app.role");
  const form = useZodForm(ZCreateUser, { defaultValues: { username: "", displayName: "", role: "officer", temporaryPassword: "" } });
  const { errors } = form.formState;
  const { executeAsync, isPending } = useAction(createUserAction);
  const [created, setCreated] = useState<{ id: string; username: string; password: string | null } | null>(null);

  const onSubmit = form.handleSubmit(async (values: TCreateUser) => {
    const result = await executeAsync(values);
    const data = result?.data;
    if (data?.kind === "done" && data.userId) {
      setCreated({ id: data.userId, username: values.username, password: data.temporaryPassword ?? null });
      form.reset();
    } else if (data?.kind === "username_taken") {
      form.setError("username", { message: "taken" });
    } else {
      form.setError("root.serverError", { message: result?.serverError ?? t("errors.failed") });
    }
  });

  return (
    <div className="space-y-4">
      {created && (
        <div role="status" className="space-y-2 rounded-md bg-green-50 p-3 text-sm text-green-900">
          <p>{t("created", { username: created.username })}</p>
          {created.password && (
            <p>
              {t("passwordOnce")}{" "}
              <code data-testid="temporary-password" className="rounded bg-white px-1 font-mono">
                {created.password}
              </code>{" "}
              <CopyButton value={created.password} label={t("copyPassword")} />
            </p>
          )}
          <Link className="text-brand underline" href={`/admin/users/${created.id}`}>
            {t("open", { username: created.username })}
          </Link>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormField id="username" label={t("username")} hint={t("usernameHint")} error={errors.username && t(errors.username.message === "taken" ? "errors.taken" : "errors.username")}>
          {(control) => <Input autoComplete="off" {...control} {...form.register("username")} />}
        </FormField>
        <FormField id="displayName" label={t("displayName")} error={errors.displayName && t("errors.displayName")}>
          {(control) => <Input autoComplete="off" {...control} {...form.register("displayName")} />}
        </FormField>
        <FormField id="role" label={t("role")}>
          {(control) => (
            <NativeSelect {...control} {...form.register("role")}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {tRole(role)}
                </option>
              ))}
            </NativeSelect>
          )}
        </FormField>
        <FormField id="temporaryPassword" label={t("temporaryPassword")} hint={t("temporaryPasswordHint")} error={errors.temporaryPassword && t("errors.password")}>
          {(control) => <Input type="text" autoComplete="off" {...control} {...form.register("temporaryPassword")} />}
        </FormField>
        <FormError error={errors.root?.serverError} />
        <Button type="submit" disabled={isPending}>
          {isPending ? t("saving") : t("submit")}
        </Button>
      </form>
    </div>
  );
}
