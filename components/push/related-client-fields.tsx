"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { emptyMainDocument } from "@/lib/push/push-form-values";
import { relatedClientProblem, relatedClientSummary, type TRelatedClientMatch } from "@/lib/push/related-client";
import { translatePushIssue } from "./issue-messages";
import { PushSelectField, PushTextField, pushFieldId, useOwnError } from "./push-field";
import { useRelatedLookup } from "./related-lookup";
import { RelatedPicker } from "./related-picker";
import { RelatedSummaryText } from "./related-summary-text";

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
  const { register, setValue, setFocus } = useFormContext();
  const mainDocument: unknown = useWatch({ name: `${base}.mainDocument` });
  const [customerNumber, relatedWisenrollCode] = useWatch({ name: [`${base}.customerNumber`, `${base}.relatedWisenrollCode`] }) as [unknown, unknown];
  const documentError = useOwnError(`${base}.mainDocument`);
  const addDocument = useRef<HTMLButtonElement>(null);
  const n = row + 1;

  // Is this related client real? Looked up as it is typed or picked; the push checks it again.
  const lookup = useRelatedLookup(enrollmentId, customerNumber, relatedWisenrollCode);
  const match: TRelatedClientMatch | null = lookup === "error" ? null : lookup;
  // an unknown customer number is a warning to confirm (below), not an error, until the push is asked for
  const problem = match && match.kind !== "unknown_customer" ? relatedClientProblem(match, false) : null;
  const fieldError = (field: "customerNumber" | "relatedWisenrollCode") => (problem?.field === field ? translatePushIssue(t, problem.message) : null);

  // a confirmation is for the number it named: another number must be confirmed again
  const confirmedFor = useRef(customerNumber);
  useEffect(() => {
    if (confirmedFor.current === customerNumber) return;
    confirmedFor.current = customerNumber;
    setValue(`${base}.confirmUnknownCustomer`, false);
  }, [base, customerNumber, setValue]);

  return (
    <fieldset id={pushFieldId(base)} className="space-y-3 rounded-md border border-border p-3">
      <legend className="px-1 text-sm font-medium">{t("related", { n, product: product + 1 })}</legend>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <RelatedPicker enrollmentId={enrollmentId} base={base} id={relatedPickerId(base)} />
        <PushTextField
          name={`${base}.customerNumber`}
          label={t("customerNumber")}
          hint={t("customerNumberHint")}
          inputMode="numeric"
          extraError={fieldError("customerNumber")}
        />
        <PushTextField
          name={`${base}.relatedWisenrollCode`}
          label={t("relatedWisenrollCode")}
          hint={t("relatedWisenrollCodeHint")}
          maxLength={6}
          extraError={fieldError("relatedWisenrollCode")}
        />
        <PushTextField name={`${base}.accountLinkTypeCode`} label={t("accountLinkTypeCode")} hint={t("accountLinkTypeCodeHint")} maxLength={2} />
        <PushSelectField name={`${base}.authorizedSignature`} label={t("authorizedSignature")} required options={{ setValueAs: (value: unknown) => Number(value) }}>
          <option value="0">{t("signatureNo")}</option>
          <option value="1">{t("signatureYes")}</option>
        </PushSelectField>
      </div>
      {match?.kind === "unknown_customer" && (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="related-unknown-customer">
          <p>{t("relatedCheck.unknownCustomer", { number: match.customerNumber })}</p>
          <label className="flex items-center gap-2 font-medium">
            <input type="checkbox" {...register(`${base}.confirmUnknownCustomer`)} />
            {t("relatedCheck.confirmUnknownCustomer", { number: match.customerNumber })}
          </label>
        </div>
      )}
      <p role="status" className="text-sm empty:hidden" data-testid="related-match">
        {match?.kind === "enrollment" ? (
          <>
            {t("relatedCheck.matches")}{" "}
            <RelatedSummaryText summary={relatedClientSummary({ customerNumber: customerNumber as string | null, mainDocument: null }, match)} />
          </>
        ) : lookup === "error" ? (
          t("relatedCheck.lookupFailed")
        ) : null}
      </p>
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
              upperCase
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
