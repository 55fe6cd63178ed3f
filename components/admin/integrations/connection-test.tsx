"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { testIntegrationAction } from "@/lib/settings/actions/test-integration";
import type { TIntegration } from "@/lib/settings/integration-fields";

const TONE = { ok: "bg-green-50 text-green-900", unauthorized: "bg-red-50 text-danger", unexpected: "bg-amber-50 text-amber-900", unreachable: "bg-red-50 text-danger", not_configured: "bg-amber-50 text-amber-900" };

/** "Test connection" with the saved settings, and what came back. */
export function ConnectionTest({ integration }: { integration: Exclude<TIntegration, "sso"> }) {
  const t = useTranslations("admin.integrations");
  const { execute, isPending, result } = useAction(testIntegrationAction);
  const outcome = result.data;
  return (
    <div className="space-y-2 border-t border-border pt-4">
      <p className="text-xs text-muted-foreground">{t("testHelp")}</p>
      <Button variant="secondary" onClick={() => execute({ integration })} disabled={isPending}>
        {isPending ? t("testing") : t("test")}
      </Button>
      <div aria-live="polite" data-testid={`${integration}-test-result`}>
        {outcome && (
          <div className={`space-y-1 rounded-md p-3 text-sm ${TONE[outcome.verdict]}`}>
            <p className="font-medium">{t(`verdict.${outcome.verdict}`, { status: outcome.status ?? 0 })}</p>
            {outcome.message && <p className="break-words font-mono text-xs">{t("testDetail", { message: outcome.message })}</p>}
            {outcome.url && <p className="text-xs">{t("testUrl", { url: outcome.url, ms: outcome.durationMs ?? 0 })}</p>}
          </div>
        )}
        {result.serverError && (
          <p role="alert" className="text-sm text-danger">
            {result.serverError}
          </p>
        )}
      </div>
    </div>
  );
}
