"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

type TProps = {
  /** The text to copy, exactly (a key, a temporary password, recovery codes). */
  value: string;
  /** What is copied, for screen readers: "Copy the new key". */
  label?: string;
};

/**
 * Copies a value shown once (an API key, a temporary password, a TOTP key, recovery codes) to the
 * clipboard and says so where a screen reader hears it. Where the Clipboard API is refused (an
 * insecure origin, a denied permission) it says so instead of pretending.
 */
export function CopyButton({ value, label }: TProps) {
  const t = useTranslations("copy");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <Button type="button" variant="secondary" className="h-8" onClick={copy} aria-label={label}>
        {t("copy")}
      </Button>
      <span role="status" className="text-xs">
        {state === "copied" ? t("copied") : state === "failed" ? t("failed") : ""}
      </span>
    </span>
  );
}
