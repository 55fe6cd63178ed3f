"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { nextEnrollmentAction } from "@/lib/desk/actions/next-enrollment";

/**
 * "Next enrollment": opens the officer's most urgent own enrollment, or claims the most urgent
 * unowned one of their branches (lib/desk/next-enrollment.ts). The `n` shortcut presses it.
 */
export function NextEnrollmentButton({ except, variant = "primary" }: { except?: string; variant?: "primary" | "secondary" }) {
  const t = useTranslations("desk");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const openNext = () =>
    startTransition(async () => {
      setMessage(null);
      const taken = (await nextEnrollmentAction({ except }))?.data;
      if (!taken) return setMessage(t("nextFailed"));
      if (taken.kind === "none") return setMessage(t("nextNone"));
      router.push(`/enrollments/${taken.id}`);
    });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button type="button" variant={variant} disabled={pending} onClick={openNext} data-shortcut="next" aria-keyshortcuts="n">
        {pending ? t("nextPending") : t("next")}
      </Button>
      {message && (
        <span role="status" className="text-sm text-muted-foreground">
          {message}
        </span>
      )}
    </span>
  );
}
