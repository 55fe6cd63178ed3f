"use client";

import { useEffect, useRef } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useFormContext, useFormState, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { TFieldSpec } from "@/lib/enrollment/field-table";
import { toFormLocale } from "./code-lists";
import { FieldControl } from "./field-control";
import { ConflictChoice } from "./field-conflicts";
import { translateIssue } from "./issue-messages";
import { fieldId, isRecord, ownErrorMessage } from "./paths";

type TListProps = {
  /** The section's field table rows (or a subset, e.g. one document's fields). */
  fields: readonly TFieldSpec[];
  /** Table path of the object whose rows are listed ("" for the section or array item root). */
  parent: string;
  /** Form name of the section or array item that table paths hang from, e.g. `client_documents.0`. */
  base: string;
};

const directChildren = (fields: readonly TFieldSpec[], parent: string) => {
  const prefix = parent === "" ? "" : `${parent}.`;
  return fields.filter((spec) => spec.path.startsWith(prefix) && spec.path !== parent && !spec.path.slice(prefix.length).includes("."));
};

/** The rows directly under `parent`, in table order: scalars as fields, objects as fieldsets. */
export function FieldList({ fields, parent, base }: TListProps) {
  return (
    <>
      {directChildren(fields, parent).map((spec) =>
        spec.type === "object" ? (
          <ObjectFieldset key={spec.path} spec={spec} fields={fields} base={base} />
        ) : (
          <FieldControl key={spec.path} spec={spec} name={`${base}.${spec.path}`} />
        ),
      )}
    </>
  );
}

type TObjectProps = { spec: TFieldSpec; fields: readonly TFieldSpec[]; base: string };

/**
 * A nested object (spouse, a reference, other job…). Absent (missing or null) it shows an
 * "Add" button; present, its fields and (unless required) a "Remove" button that sets it to null.
 */
export function ObjectFieldset({ spec, fields, base }: TObjectProps) {
  const t = useTranslations("sectionForm");
  const locale = toFormLocale(useLocale());
  const { setValue, clearErrors, setFocus } = useFormContext();
  const name = `${base}.${spec.path}`;
  const value: unknown = useWatch({ name });
  const { errors } = useFormState({ name });
  const present = isRecord(value);
  const children = directChildren(fields, spec.path);
  const focusAfterAdd = useRef(false);

  const id = fieldId(name);
  const descriptionId = `${id}-desc`;
  const errorId = `${id}-error`;
  const ownError = ownErrorMessage(errors, name);
  const errorText = ownError === null ? null : translateIssue(t, ownError);
  const label = spec.label[locale];

  useEffect(() => {
    if (!present || !focusAfterAdd.current) return;
    focusAfterAdd.current = false;
    const first = children.find((child) => child.type !== "object");
    if (first) setFocus(`${base}.${first.path}`);
  }, [present, children, base, setFocus]);

  const add = () => {
    focusAfterAdd.current = true;
    // explicit nulls: re-adding must not bring back the values the object was loaded with
    const blank = Object.fromEntries(children.map((child) => [child.path.slice(spec.path.length + 1), null]));
    setValue(name, blank, { shouldDirty: true });
    clearErrors(name);
  };
  const remove = () => {
    setValue(name, null, { shouldDirty: true });
    clearErrors(name);
  };

  return (
    <fieldset id={id} aria-describedby={errorText ? `${descriptionId} ${errorId}` : descriptionId} className="space-y-3 rounded-md border border-border p-3 sm:col-span-2">
      <legend className="px-1 text-sm font-semibold text-zinc-900">
        {label}
        {spec.required && (
          <>
            <span aria-hidden="true" className="ml-0.5 text-danger">
              {t("requiredMarker")}
            </span>
            <span className="sr-only"> {t("requiredText")}</span>
          </>
        )}
      </legend>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p id={descriptionId} className="text-xs text-muted-foreground">
          {spec.description[locale]}
          {!present && ` · ${t("notProvided")}`}
        </p>
        {(!present || !spec.required) && (
          <Button type="button" variant="secondary" id={`${id}-toggle`} onClick={present ? remove : add}>
            {present ? t("remove", { label }) : t("add", { label })}
          </Button>
        )}
      </div>
      {errorText && (
        <p id={errorId} className="text-sm text-danger">
          {errorText}
        </p>
      )}
      <ConflictChoice path={name} />
      {present && (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <FieldList fields={fields} parent={spec.path} base={base} />
        </div>
      )}
    </fieldset>
  );
}
