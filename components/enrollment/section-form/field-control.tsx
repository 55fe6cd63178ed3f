"use client";

import { useLocale, useTranslations } from "next-intl";
import { useFormContext, useFormState, useWatch } from "react-hook-form";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { TFieldSpec } from "@/lib/enrollment/field-table";
import { selectOptions, suggestionOptions, toFormLocale } from "./code-lists";
import { useCodeLists } from "./code-lists-context";
import { ConflictChoice } from "./field-conflicts";
import { translateIssue } from "./issue-messages";
import { fieldId, isNoValue, ownErrorMessage, parseChoiceInput, parseNumberInput } from "./paths";

type TProps = {
  spec: TFieldSpec;
  /** The form name: the full payload path, e.g. `client_documents.0.document_number`. */
  name: string;
};

/** A received value the native control cannot display (a number input shows "" for "1,500"). */
function hiddenValue(spec: TFieldSpec, value: unknown): string | null {
  if (isNoValue(value)) return null;
  const shown = typeof value === "object" ? JSON.stringify(value) : String(value);
  if (typeof value === "object") return shown;
  if (spec.type === "integer" || spec.type === "float") return typeof value === "number" ? null : shown;
  return null;
}

// Dates are typed as text: a native date input shows nothing for a received value that is not
// a real date (1990-02-30), and the officer must see what arrived to fix it.
function inputType(spec: TFieldSpec): string {
  if (spec.type === "integer" || spec.type === "float") return "number";
  return spec.type === "string" && spec.format === "email" ? "email" : "text";
}

/** One field of the table, rendered by its type, with label, help text and inline error. */
export function FieldControl({ spec, name }: TProps) {
  const t = useTranslations("sectionForm");
  const tDates = useTranslations("app.dates");
  const locale = toFormLocale(useLocale());
  const { register, trigger, getFieldState } = useFormContext();
  const { errors } = useFormState({ name });
  const current: unknown = useWatch({ name });

  const id = fieldId(name);
  const descriptionId = `${id}-desc`;
  const errorId = `${id}-error`;
  const listId = `${id}-list`;
  const error = ownErrorMessage(errors, name);
  const errorText = error === null ? null : translateIssue(t, error);

  const codeLists = useCodeLists();
  const options = selectOptions(spec, locale, { no: t("flagNo"), yes: t("flagYes") }, codeLists);
  const isNumber = spec.type === "integer" || spec.type === "float";
  // keep a received value that is not in the list as its own option, so it is seen (and kept)
  const extra = options && !isNoValue(current) && !options.some((option) => option.value === String(current)) ? String(current) : null;
  const suggestions = options ? [] : suggestionOptions(spec, locale);
  const hidden = options ? null : hiddenValue(spec, current);
  const maxLength = spec.type === "string" ? spec.maxLength : undefined;

  const field = register(name, {
    setValueAs: options
      ? (raw: unknown) => parseChoiceInput(raw, spec.type === "flag" ? "flag" : "text", current)
      : isNumber
        ? parseNumberInput
        : undefined,
    // mode is onBlur; a field already showing an error is re-checked as the officer types
    onChange: () => {
      if (getFieldState(name).error) void trigger(name);
    },
  });

  const common = {
    id,
    "aria-describedby": errorText ? `${descriptionId} ${errorId}` : descriptionId,
    "aria-invalid": errorText ? true : undefined,
    "aria-required": spec.required ? true : undefined,
    autoComplete: "off",
    // the loaded value in the server-rendered HTML too, before RHF takes over the input
    defaultValue: isNoValue(current) ? "" : typeof current === "object" ? JSON.stringify(current) : String(current),
    className: "aria-invalid:border-danger",
    ...field,
  } as const;

  return (
    <div className="space-y-1">
      <Label htmlFor={id}>
        {spec.label[locale]}
        {spec.required && (
          <span aria-hidden="true" className="ml-0.5 text-danger">
            {t("requiredMarker")}
          </span>
        )}
      </Label>
      {options ? (
        <NativeSelect {...common}>
          <option value="">{spec.required ? t("choose") : t("none")}</option>
          {extra !== null && <option value={extra}>{t("notValidOption", { value: extra })}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </NativeSelect>
      ) : (
        <Input
          {...common}
          type={inputType(spec)}
          step={spec.type === "float" ? "any" : spec.type === "integer" ? "1" : undefined}
          inputMode={spec.type === "float" ? "decimal" : spec.type === "integer" || spec.type === "date" ? "numeric" : undefined}
          placeholder={spec.type === "date" ? tDates("placeholder") : undefined}
          list={suggestions.length > 0 ? listId : undefined}
        />
      )}
      {suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions.map((option) => (
            <option key={option.value} value={option.value} label={option.label || undefined} />
          ))}
        </datalist>
      )}
      <p id={descriptionId} className="text-xs text-muted-foreground">
        {[spec.description[locale], maxLength !== undefined ? t("maxLength", { max: maxLength }) : null, hidden !== null ? t("receivedValue", { value: hidden }) : null]
          .filter((part) => part !== null)
          .join(" · ")}
      </p>
      {errorText && (
        <p id={errorId} className="text-sm text-danger">
          {errorText}
        </p>
      )}
      <ConflictChoice path={name} />
    </div>
  );
}
