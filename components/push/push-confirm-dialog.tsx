"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { AlertDialog } from "radix-ui";
import { Button } from "@/components/ui/button";
import type { TProductCodeOption } from "@/lib/push/product-codes";
import type { TProductInput, TRelatedClientInput } from "@/lib/push/push-input";
import { relatedClientSummary, type TRelatedClientMatch } from "@/lib/push/related-client";
import { RelatedSummaryText } from "./related-summary-text";

/** A product of an earlier push that was not opened and goes again with the next one. */
export type TPendingProduct = { id: string; productCode: string; productName: string; openDate: string };

type TProps = {
  open: boolean;
  /** The push request is in flight: the dialog stays until it answers. */
  pending: boolean;
  products: TProductInput[];
  /** What the console knows of each product's related clients (same order), looked up just before. */
  related: TRelatedClientMatch[][];
  pendingProducts: TPendingProduct[];
  productCodes: TProductCodeOption[];
  /** The core customer this push updates; null: a create. */
  customerNumber: string | null;
  changes: ReactNode;
  onCancel: () => void;
  onConfirm: () => void;
  onCloseAutoFocus: () => void;
};

/** "Push to core?": what changed since the enrollment arrived and what is about to be sent. */
export function PushConfirmDialog({ open, pending, products, related, pendingProducts, productCodes, customerNumber, changes, onCancel, onConfirm, onCloseAutoFocus }: TProps) {
  const t = useTranslations("push.dialog");
  const nameOf = (code: string) => productCodes.find((option) => option.code === code)?.name ?? code;
  // who the related client is (name, masked document, customer number or "pushed with this request"), then how they are linked
  const relatedLine = (client: TRelatedClientInput, match: TRelatedClientMatch | undefined) => (
    <>
      {t("relatedClient")} <RelatedSummaryText summary={relatedClientSummary(client, match ?? { kind: "none" })} />
      {" · "}
      {t("relatedLink", { link: client.accountLinkTypeCode ?? "O", signature: client.authorizedSignature })}
    </>
  );
  const nothing = products.length === 0 && pendingProducts.length === 0;

  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !next && !pending && onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/50" />
        <AlertDialog.Content
          className="fixed left-1/2 top-1/2 z-50 max-h-[85vh] w-[min(44rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 overflow-y-auto rounded-lg bg-white p-5 shadow-xl focus:outline-none"
          data-testid="push-dialog"
          onEscapeKeyDown={(event) => pending && event.preventDefault()}
          onCloseAutoFocus={(event) => {
            // there is no Radix trigger (the dialog loads lazily): the form decides where focus goes
            event.preventDefault();
            onCloseAutoFocus();
          }}
        >
          <AlertDialog.Title className="text-lg font-semibold">{customerNumber ? t("titleUpdate", { number: customerNumber }) : t("title")}</AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-muted-foreground">{t("description")}</AlertDialog.Description>
          {customerNumber && (
            <p className="rounded-md bg-blue-50 p-3 text-sm text-blue-900" data-testid="push-dialog-update">
              {t("updateCustomer", { number: customerNumber })}
            </p>
          )}
          <section aria-labelledby="push-dialog-changes" className="space-y-2">
            <h3 id="push-dialog-changes" className="font-medium">
              {t("changes")}
            </h3>
            {changes}
          </section>
          <section aria-labelledby="push-dialog-products" className="space-y-2">
            <h3 id="push-dialog-products" className="font-medium">
              {t("products")}
            </h3>
            {nothing ? (
              <p className="text-sm text-muted-foreground">{t("noProducts")}</p>
            ) : (
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {products.map((product, index) => (
                  <li key={`new-${index}`}>
                    {t("productLine", { code: product.productCode, name: nameOf(product.productCode), date: product.openDate })}
                    {product.related.length > 0 && (
                      <ul className="list-[circle] pl-5 text-muted-foreground">
                        {product.related.map((client, row) => (
                          <li key={row} data-testid="push-dialog-related">
                            {relatedLine(client, related[index]?.[row])}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
                {pendingProducts.map((product) => (
                  <li key={product.id}>
                    {t("productLine", { code: product.productCode, name: product.productName, date: product.openDate })} ({t("again")})
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div className="flex flex-wrap justify-end gap-3 border-t border-border pt-4">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary" aria-disabled={pending || undefined}>
                {t("cancel")}
              </Button>
            </AlertDialog.Cancel>
            {/* aria-disabled, not disabled: the focused button must keep focus while the request runs */}
            <Button type="button" aria-disabled={pending || undefined} onClick={() => !pending && onConfirm()}>
              {pending ? t("sending") : customerNumber ? t("confirmUpdate") : t("confirm")}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
