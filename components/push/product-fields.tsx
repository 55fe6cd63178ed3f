"use client";

import { useRef } from "react";
import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { TProductCodeOption } from "@/lib/push/product-codes";
import { emptyRelated, type TPushFormValues } from "@/lib/push/push-form-values";
import { PushSelectField, PushTextField, pushFieldId } from "./push-field";
import { RelatedClientFields, relatedPickerId } from "./related-client-fields";

type TProps = {
  /** The enrollment being pushed. */
  enrollmentId: string;
  index: number;
  productCodes: readonly TProductCodeOption[];
  onRemove: () => void;
};

/** One product row: code, open date and its related clients. */
export function ProductFields({ enrollmentId, index, productCodes, onRemove }: TProps) {
  const t = useTranslations("push");
  const base = `products.${index}` as const;
  const { control } = useFormContext<TPushFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: `${base}.related` });
  const code = useWatch({ control, name: `${base}.productCode` });
  const addButton = useRef<HTMLButtonElement>(null);
  // a prefilled code that is no longer active stays visible (and refused) rather than vanishing
  const inactive = code && !productCodes.some((option) => option.code === code) ? code : null;
  const n = index + 1;

  return (
    <fieldset id={pushFieldId(base)} className="space-y-3 rounded-md border border-border p-3" data-testid="push-product">
      <legend className="px-1 text-sm font-semibold">{t("product", { n })}</legend>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <PushSelectField name={`${base}.productCode`} label={t("productCode")} hint={t("productCodeHint")} required>
          <option value="">{t("choose")}</option>
          {inactive && <option value={inactive}>{t("inactiveOption", { code: inactive })}</option>}
          {productCodes.map((option) => (
            <option key={option.code} value={option.code} translate="no">
              {option.code} · {option.name}
            </option>
          ))}
        </PushSelectField>
        <PushTextField name={`${base}.openDate`} label={t("openDate")} hint={t("openDateHint")} required placeholder="YYYY-MM-DD" inputMode="numeric" maxLength={10} />
      </div>
      <div className="space-y-3">
        {fields.length === 0 && <p className="text-xs text-muted-foreground">{t("noRelated")}</p>}
        {fields.map((field, row) => (
          <RelatedClientFields
            key={field.id}
            enrollmentId={enrollmentId}
            base={`${base}.related.${row}`}
            product={index}
            row={row}
            onRemove={() => {
              remove(row);
              addButton.current?.focus();
            }}
          />
        ))}
      </div>
      <div className="flex flex-wrap gap-3">
        <Button
          ref={addButton}
          type="button"
          variant="secondary"
          onClick={() => {
            append(emptyRelated(), { shouldFocus: false });
            // the new row's first control: the picker (not a registered field, so by its id)
            requestAnimationFrame(() => document.getElementById(relatedPickerId(`${base}.related.${fields.length}`))?.focus());
          }}
        >
          {t("addRelated", { n })}
        </Button>
        <Button type="button" variant="secondary" onClick={onRemove}>
          {t("removeProduct", { n })}
        </Button>
      </div>
    </fieldset>
  );
}
