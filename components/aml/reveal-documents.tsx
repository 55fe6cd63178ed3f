"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { revealDocuments } from "@/lib/aml/actions/reveal-documents";

/** Full document numbers stay on the server until compliance asks, and every ask is audited. */
export function RevealDocuments({ enrollmentId, count }: { enrollmentId: string; count: number }) {
  const t = useTranslations("aml.reveal");
  const { execute, result, isPending } = useAction(revealDocuments);
  const documents = result.data;
  if (documents) {
    return (
      <ul className="space-y-1 text-sm" aria-live="polite" data-testid="revealed-documents">
        {documents.length === 0 && <li className="text-muted-foreground">{t("none")}</li>}
        {documents.map((doc) => (
          <li key={doc.index}>
            <span className="font-mono">{doc.type ?? "—"}</span> <span className="font-mono font-semibold">{doc.number}</span>
            {doc.country ? ` (${doc.country})` : ""}
            {doc.main ? <span className="ml-2 text-xs text-muted-foreground">{t("main")}</span> : null}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="space-y-1">
      <Button type="button" variant="secondary" disabled={isPending || count === 0} onClick={() => execute({ enrollmentId })}>
        {isPending ? t("revealing") : t("button", { count })}
      </Button>
      <p className="text-xs text-muted-foreground">{t("audited")}</p>
      {result.serverError && (
        <p role="alert" className="text-sm text-danger">
          {result.serverError}
        </p>
      )}
    </div>
  );
}
