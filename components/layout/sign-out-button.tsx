"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * next-auth's REST sign-out (`POST /api/auth/signout` with the CSRF token), called directly: the
 * `signOut` helper of next-auth/react would put its client and a regenerator runtime (5 kB
 * gzipped) on every page of the console for this one button.
 */
async function signOut(): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/login", json: "true" }),
  });
  window.location.assign("/login");
}

export function SignOutButton() {
  const t = useTranslations("app");
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut().catch(() => setPending(false));
      }}
    >
      {t("signOut")}
    </Button>
  );
}
