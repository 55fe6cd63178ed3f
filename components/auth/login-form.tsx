"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FormError } from "@/components/ui/form-error";
import { CODE_REQUIRED_ERROR, ZLogin, type TLogin } from "@/lib/auth/login-schema";

/** Only same-site paths are followed after sign-in, never another origin. */
function safeNext(value: string | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export function LoginForm() {
  const t = useTranslations("login");
  const router = useRouter();
  const next = safeNext(useSearchParams().get("next"));
  const form = useForm<TLogin>({ resolver: zodResolver(ZLogin), defaultValues: { username: "", password: "", code: "" } });
  const { errors, isSubmitting } = form.formState;
  // The code is asked for only after the server said the password was right.
  const [askCode, setAskCode] = useState(false);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await signIn("credentials", { ...values, code: askCode ? values.code : "", redirect: false });
    if (result?.error === CODE_REQUIRED_ERROR) {
      setAskCode(true);
      return;
    }
    if (!result || result.error) {
      form.setError("root.serverError", { message: t(askCode ? "failedCode" : "failed") });
      if (askCode) form.setValue("code", "");
      return;
    }
    router.replace(next);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="space-y-1">
        <Label htmlFor="username">{t("username")}</Label>
        <Input id="username" autoComplete="username" aria-invalid={!!errors.username} aria-describedby="username-error" {...form.register("username")} />
        {errors.username && <p id="username-error" className="text-sm text-danger">{t("required")}</p>}
      </div>
      <div className="space-y-1">
        <Label htmlFor="password">{t("password")}</Label>
        <Input id="password" type="password" autoComplete="current-password" aria-invalid={!!errors.password} aria-describedby="password-error" {...form.register("password")} />
        {errors.password && <p id="password-error" className="text-sm text-danger">{t("required")}</p>}
      </div>
      {askCode && (
        <div className="space-y-1">
          <Label htmlFor="code">{t("code")}</Label>
          <Input id="code" autoComplete="one-time-code" inputMode="text" aria-describedby="code-help" autoFocus {...form.register("code")} />
          <p id="code-help" className="text-sm text-muted-foreground">
            {t("codeHelp")}
          </p>
        </div>
      )}
      <FormError error={errors.root?.serverError} />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
