import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signInMethods } from "@/lib/auth/options";
import { homeFor } from "@/lib/auth/roles";

export default async function LoginPage() {
  const user = await getCurrentUser();
  if (user) redirect(homeFor(user.role));
  const [t, methods] = await Promise.all([getTranslations(), signInMethods()]);
  return (
    <main id="main" tabIndex={-1} className="outline-none flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-border bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold" translate="no">{t("app.title")}</h1>
        <p className="mb-6 text-sm text-muted-foreground">{t("login.subtitle")}</p>
        <Suspense>
          {/* Only the provider's display name reaches the browser, never its settings. */}
          <LoginForm methods={{ localLogin: methods.localLogin, sso: methods.sso ? { name: methods.sso.name } : null }} />
        </Suspense>
      </div>
    </main>
  );
}
