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

import { SsoSignInButton } from "./sso-sign-in-button";

/** Only same-site paths are followed after sign-in, never another origin. */
function safeNext(value: string | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

/** How the login page may sign people in now (lib/auth/options.ts `signInMethods`). */
export type TLoginMethods = { localLogin: boolean; sso: { name: string | null } | null };

/**
 * Why single sign-on sent the person back: our own refusal codes, or next-auth's (a failed
 * exchange with the provider, a state or nonce that did not match). None carries detail.
 */
function ssoErrorKey(error: string | null): "ssoNoAccess" | "ssoFailed" | null {
  if (!error) return null;
  return error === "sso_no_access" ? "ssoNoAccess" : "ssoFailed";
}

export function LoginForm({ methods }: { methods: TLoginMethods }) {
  const t = useTranslations("login");
  const router = useRouter();
  const params = useSearchParams();
  const next = safeNext(params.get("next"));
  const ssoError = ssoErrorKey(params.get("error"));
  const form = useForm<TLogin>({ resolver: zodResolver(ZLogin), defaultValues: { username: "", password: "", code: "" } });
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
    <div className="space-y-4">
      {ssoError && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-danger">
          {t(ssoError)}
        </p>
      )}
      {methods.sso && <SsoSignInButton name={methods.sso.name} next={next} primary={!methods.localLogin} />}
      {methods.sso && methods.localLogin && <p className="text-center text-xs text-muted-foreground">{t("or")}</p>}
      {methods.localLogin && <PasswordForm {...{ form, onSubmit, askCode, t }} />}
      {!methods.localLogin && !methods.sso && <p className="text-sm">{t("noMethod")}</p>}
    </div>
  );
}

type TPasswordFormProps = {
  form: ReturnType<typeof useForm<TLogin>>;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  askCode: boolean;
  t: ReturnType<typeof useTranslations<"login">>;
};

function PasswordForm({ form, onSubmit, askCode, t }: TPasswordFormProps) {
  const { errors, isSubmitting } = form.formState;
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
