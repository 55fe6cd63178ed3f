"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** "Sign in with <name>": next-auth sends the browser to the identity provider and back to `next`. */
export function SsoSignInButton({ name, next, primary }: { name: string | null; next: string; primary: boolean }) {
  const t = useTranslations("login");
  const [pending, setPending] = useState(false);
  return (
    <Button
      type="button"
      variant={primary ? "primary" : "secondary"}
      className="w-full"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("sso", { callbackUrl: next });
      }}
    >
      {name ? t("ssoWith", { name }) : t("sso")}
    </Button>
  );
}
