"use client";

import Link from "next/link";
import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * A page of the console that failed to render (or whose code failed to download) shows this
 * inside the console's header instead of the framework's blank page; "Try again" fetches and
 * renders the page again. Section forms keep unsaved input across it (components/enrollment/unsaved-changes.ts).
 */
export default function ConsoleError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations("app");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950" data-testid="page-failed">
      <h1 className="text-lg font-semibold">{t("pageFailed")}</h1>
      <p className="text-sm">{t("pageFailedHint")}</p>
      <div className="flex flex-wrap gap-3">
        <Button type="button" onClick={() => retry()}>
          {t("retry")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => window.location.reload()}>
          {t("reloadPage")}
        </Button>
        <Link href="/queue" className="self-center text-sm text-brand underline">
          {t("backToQueue")}
        </Link>
      </div>
    </div>
  );
}
