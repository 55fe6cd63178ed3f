"use client";

import { useRef } from "react";
import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { emptyMainDocument } from "@/lib/push/push-form-values";
import { PushSelectField, PushTextField, pushFieldId, useOwnError } from "./push-field";
import { RelatedPicker } from "./related-picker";

type TProps = {
  /** The enrollment being pushed (the picker leaves it out). */
  enrollmentId: string;
  /** Form name of the row: `products.0.related.1`. */
  base: string;
  product: number;
  row: number;
  onRemove: () => void;
};

/** DOM id of a related client row's picker, the row's first control. */
export const relatedPickerId = (base: string): string => pushFieldId(`${base}.picker`);

/**
 * One related client of a product: picked from another enrollment or given by customer number
 * (or wisenroll code), link, signature, main document.
 */
export function RelatedClientFields({ enrollmentId, base, product, row, onRemove }: TProps) {
  const t = useTranslations("push");
  const { setValue, setFocus } = useFormContext();
  const mainDocument: unknown = useWatch({ name: `${base}.mainDocument` });
  const documentError = useOwnError(`${base}.mainDocument`);
  const addDocument = useRef<HTMLButtonElement>(null);
  const n = row + 1;

  return (
    <fieldset id={pushFieldId(base)} className="space-y-3 rounded-md border border-border p-3">
      <legend className="px-1 text-sm font-medium">{t("related", { n, product: product + 1 })}</legend>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <RelatedPicker enrollmentId={enrollmentId} base={base} id={relatedPickerId(base)} />
        <PushTextField name={`${base}.customerNumber`} label={t("customerNumber")} hint={t("customerNumberHint")} inputMode="numeric" />
        <PushTextField name={`${base}.relatedWisenrollCode`} label={t("relatedWisenrollCode")} hint={t("relatedWisenrollCodeHint")} maxLength={6} />
        <PushTextField name={`${base}.accountLinkTypeCode`} label={t("accountLinkTypeCode")} hint={t("accountLinkTypeCodeHint")} maxLength={2} />
        <PushSelectField name={`${base}.authorizedSignature`} label={t("authorizedSignature")} required options={{ setValueAs: (value: unknown) => Number(value) }}>
          <option value="0">{t("signatureNo")}</option>
          <option value="1">{t("signatureYes")}</option>
        </PushSelectField>
      </div>
      {mainDocument ? (
        <fieldset id={pushFieldId(`${base}.mainDocument`)} className="space-y-3 rounded-md border border-border p-3">
          <legend className="px-1 text-sm font-medium">{t("mainDocument", { n })}</legend>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <PushTextField name={`${base}.mainDocument.documentTypeCode`} label={t("documentTypeCode")} required maxLength={20} />
            <PushTextField name={`${base}.mainDocument.documentNumber`} label={t("documentNumber")} required maxLength={20} />
            <PushTextField
              name={`${base}.mainDocument.issuingCountryCode`}
              label={t("issuingCountryCode")}
              hint={t("issuingCountryCodeHint")}
              required
              maxLength={2}
            />
          </div>
          {documentError && <p className="text-sm text-danger">{documentError}</p>}
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setValue(`${base}.mainDocument`, null, { shouldDirty: true });
              // the button goes away with the fieldset: focus the one that brings it back
              requestAnimationFrame(() => addDocument.current?.focus());
            }}
          >
            {t("removeMainDocument", { n })}
          </Button>
        </fieldset>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-xs text-muted-foreground">{t("noMainDocument")}</p>
          <Button
            ref={addDocument}
            type="button"
            variant="secondary"
            onClick={() => {
              setValue(`${base}.mainDocument`, emptyMainDocument(), { shouldDirty: true });
              requestAnimationFrame(() => setFocus(`${base}.mainDocument.documentTypeCode`));
            }}
          >
            {t("addMainDocument", { n })}
          </Button>
        </div>
      )}
      <Button type="button" variant="secondary" onClick={onRemove}>
        {t("removeRelated", { n, product: product + 1 })}
      </Button>
    </fieldset>
  );
}
