"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ZLogin, type TLogin } from "@/lib/auth/login-schema";

/** Only same-site paths are followed after sign-in, never another origin. */
function safeNext(value: string | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export function LoginForm() {
  const t = useTranslations("login");
  const router = useRouter();
  const next = safeNext(useSearchParams().get("next"));
  const form = useForm<TLogin>({ resolver: zodResolver(ZLogin), defaultValues: { username: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      form.setError("root.serverError", { message: t("failed") });
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
      {errors.root?.serverError && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-danger">
          {errors.root.serverError.message}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
