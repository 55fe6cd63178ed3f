"use client";

import { useTranslations } from "next-intl";
import type { TRelatedClientSummary } from "@/lib/push/related-client";

/**
 * A related client as the push form and its confirmation name it: name, main document masked (read
 * out as "document ending in …"), and the core customer it is or that this request sends it.
 */
export function RelatedSummaryText({ summary }: { summary: TRelatedClientSummary }) {
  const t = useTranslations("push");
  const { name, document, customer } = summary;
  const last4 = document?.masked.replace(/^•+/, "") ?? "";
  const customerText =
    customer.kind === "number"
      ? t("relatedCheck.customer", { number: customer.number })
      : customer.kind === "with_request"
        ? t("relatedCheck.withRequest")
        : t("relatedCheck.confirmedUnknown", { number: customer.number });
  return (
    <span data-testid="related-summary">
      {name && <span className="font-medium">{name} · </span>}
      {document && (
        <span className="font-mono">
          {document.type ? `${document.type} ` : ""}
          <span aria-hidden="true">{document.masked}</span>
          <span className="sr-only">{t("picker.documentEnding", { last4 })}</span>
          {document.country ? ` (${document.country})` : ""}
          {" · "}
        </span>
      )}
      <span>{customerText}</span>
    </span>
  );
}
