"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { confirmTotpEnrolmentAction, startTotpEnrolmentAction } from "@/lib/account/actions/totp-enrolment";

/**
 * Shown once: the secret as a QR code and as text; then a code from the app confirms it.
 * `enabled` is what to show once the user has a second factor; it is passed in rather than
 * swapped for this component, so the recovery codes outlive the page's re-render after confirming.
 */
export function TotpEnrolment({ enabled }: { enabled: ReactNode | null }) {
  const t = useTranslations("account.totp");
  const router = useRouter();
  const start = useAction(startTotpEnrolmentAction);
  const confirm = useAction(confirmTotpEnrolmentAction);
  const [code, setCode] = useState("");
  const setup = start.result.data?.kind === "started" ? start.result.data : null;
  const confirmed = confirm.result.data?.kind === "enabled" ? confirm.result.data : null;
  const confirmError = confirm.result.data && confirm.result.data.kind !== "enabled" ? t(`errors.${confirm.result.data.kind}`) : confirm.result.serverError;

  if (confirmed) {
    return (
      <div className="space-y-3">
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
          {t("enabled")}
        </p>
        <h2 className="text-lg font-medium">{t("recoveryTitle")}</h2>
        <p className="text-sm text-muted-foreground">{t("recoveryHelp")}</p>
        <ul aria-label={t("recoveryTitle")} className="grid grid-cols-2 gap-1 font-mono text-sm" data-testid="recovery-codes">
          {confirmed.recoveryCodes.map((recoveryCode) => (
            <li key={recoveryCode}>{recoveryCode}</li>
          ))}
        </ul>
        <CopyButton value={confirmed.recoveryCodes.join("\n")} label={t("copyRecovery")} />
        <Button
          onClick={() => {
            router.replace("/");
            router.refresh();
          }}
        >
          {t("continue")}
        </Button>
      </div>
    );
  }

  if (enabled) return enabled;

  if (!setup) {
    return (
      <div className="space-y-3">
        <p className="text-sm">{t("intro")}</p>
        {start.result.data?.kind === "already_enabled" && <p role="alert" className="text-sm text-danger">{t("errors.already_enabled")}</p>}
        {start.result.serverError && <p role="alert" className="text-sm text-danger">{start.result.serverError}</p>}
        <Button onClick={() => start.execute({})} disabled={start.isPending}>
          {t("start")}
        </Button>
      </div>
    );
  }

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        confirm.execute({ code });
      }}
    >
      <p className="text-sm">{t("scan")}</p>
      {/* A data: URL made on the server from the otpauth:// URI; nothing is fetched. */}
      <img src={setup.qrDataUrl} alt={t("qrAlt")} width={220} height={220} className="rounded border border-border" />
      <div className="space-y-1">
        <p className="text-sm">{t("manual")}</p>
        <code data-testid="totp-secret" className="block rounded bg-muted p-2 font-mono text-sm tracking-wider break-all">
          {setup.secret.match(/.{1,4}/g)?.join(" ")}
        </code>
        <CopyButton value={setup.secret} label={t("copySecret")} />
      </div>
      <FormField id="totp-code" label={t("code")} hint={t("codeHint")} error={confirmError}>
        {(control) => (
          <Input inputMode="numeric" autoComplete="one-time-code" className="w-40" value={code} onChange={(event) => setCode(event.target.value)} {...control} />
        )}
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" disabled={confirm.isPending}>
          {t("confirm")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => start.execute({})} disabled={start.isPending}>
          {t("restart")}
        </Button>
      </div>
    </form>
  );
}
