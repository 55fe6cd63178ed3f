"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { testSsoAction } from "@/lib/auth/sso/actions/test-sso";

/** "Test": the provider's discovery document with the saved settings, and what it said. */
export function SsoTest() {
  const t = useTranslations("admin.settings.sso");
  const { execute, isPending, result } = useAction(testSsoAction);
  const outcome = result.data;
  return (
    <div className="space-y-2 border-t border-border pt-4">
      <p className="text-xs text-muted-foreground">{t("testHelp")}</p>
      <Button variant="secondary" onClick={() => execute({})} disabled={isPending}>
        {isPending ? t("testing") : t("test")}
      </Button>
      <div aria-live="polite" data-testid="sso-test-result" className="text-sm">
        {outcome && (
          <div className={`space-y-1 rounded-md p-3 ${outcome.verdict === "ok" ? "bg-green-50 text-green-900" : "bg-amber-50 text-amber-900"}`}>
            <p className="font-medium">
              {outcome.verdict === "unexpected" ? t("verdict.unexpected", { status: outcome.status ?? 0, detail: outcome.detail }) : t(`verdict.${outcome.verdict}`)}
            </p>
            {outcome.verdict === "ok" && outcome.missingScopes.length > 0 && <p>{t("missingScopes", { scopes: outcome.missingScopes.join(" ") })}</p>}
            {outcome.verdict === "ok" && outcome.groupsClaimListed === false && <p>{t("groupsClaimUnlisted", { claim: outcome.groupsClaim })}</p>}
          </div>
        )}
        {result.serverError && (
          <p role="alert" className="text-danger">
            {result.serverError}
          </p>
        )}
      </div>
    </div>
  );
}
