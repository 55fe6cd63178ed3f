"use client";

import { useRef, type RefObject } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useFieldArray, useFormContext, useFormState, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { fieldsOf, type TFieldSpec, type TSectionKey } from "@/lib/enrollment/field-table";
import { toFormLocale } from "./code-lists";
import { translateIssue } from "./issue-messages";
import { ConflictChoice } from "./field-conflicts";
import { FieldList } from "./object-fieldset";
import { fieldId, ownErrorMessage } from "./paths";

type TMainProps = { spec: TFieldSpec; name: string; group: string; row: number; onChoose: () => void };

/** "Main document" of one row: one radio group across rows, so exactly one can be chosen. */
function MainRadio({ spec, name, group, row, onChoose }: TMainProps) {
  const t = useTranslations("sectionForm");
  const locale = toFormLocale(useLocale());
  const value: unknown = useWatch({ name });
  const { errors } = useFormState({ name });
  const id = fieldId(name);
  const error = ownErrorMessage(errors, name);
  const errorText = error === null ? null : translateIssue(t, error);
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <input
          type="radio"
          id={id}
          name={group}
          className="size-4 accent-brand"
          checked={value === 1}
          // click, not change: with two mains loaded, the one that looks checked must still fix it
          onClick={onChoose}
          onChange={() => undefined}
          aria-describedby={errorText ? `${id}-desc ${id}-error` : `${id}-desc`}
          aria-invalid={errorText ? true : undefined}
        />
        <Label htmlFor={id}>
          {spec.label[locale]}
          <span className="sr-only"> ({t("document", { n: row })})</span>
        </Label>
      </div>
      <p id={`${id}-desc`} className="text-xs text-muted-foreground">
        {spec.description[locale]}
      </p>
      {errorText && (
        <p id={`${id}-error`} className="text-sm text-danger">
          {errorText}
        </p>
      )}
    </div>
  );
}

type TProps = {
  /** An array section (client_documents). */
  section: TSectionKey;
  /** Loaded row index of each current row (null for an added row); kept in step with add/remove. */
  origins: RefObject<(number | null)[]>;
};

const MAIN = "main";

/** The document list: one fieldset per row, add/remove, and one "main document" radio per row. */
export function DocumentsArray({ section, origins }: TProps) {
  const t = useTranslations("sectionForm");
  const { control, setValue, getValues, trigger } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name: section });
  const { errors } = useFormState({ name: section });
  const addButton = useRef<HTMLButtonElement>(null);

  const specs = fieldsOf(section);
  const mainSpec = specs.find((spec) => spec.path === MAIN);
  const otherSpecs = specs.filter((spec) => spec.path !== MAIN);
  const listId = fieldId(section);
  // RHF keeps an array's own error under `root` once rows are registered, on the array before
  const listError = ownErrorMessage(errors, section);
  const listErrorText = listError === null ? null : translateIssue(t, listError);
  // Two rows marked main (as received): one radio group could show only one of them checked, so
  // the "exactly one main" error would point at nothing visible. Each row then shows its own flag
  // until the officer chooses one.
  const rows: unknown = useWatch({ name: section });
  const mainCount = Array.isArray(rows) ? rows.filter((row) => (row as Record<string, unknown> | null)?.[MAIN] === 1).length : 0;
  const mainGroup = (index: number) => (mainCount > 1 ? `${listId}-main-${index}` : `${listId}-main`);

  const chooseMain = (index: number) => {
    const current = getValues(section);
    const count = Array.isArray(current) ? current.length : 0;
    for (let i = 0; i < count; i++) setValue(`${section}.${i}.${MAIN}`, i === index ? 1 : 0, { shouldDirty: true });
    void trigger(section);
  };

  const addRow = () => {
    origins.current.push(null);
    const blank = Object.fromEntries(otherSpecs.map((spec) => [spec.path, null]));
    append({ ...blank, [MAIN]: fields.length === 0 ? 1 : 0 });
  };

  const removeRow = (index: number) => {
    origins.current.splice(index, 1);
    remove(index);
    addButton.current?.focus();
  };

  return (
    <div className="space-y-4">
      <ConflictChoice path={section} />
      {fields.length === 0 && <p className="text-sm text-muted-foreground">{t("noDocuments")}</p>}
      {fields.map((row, index) => {
        const base = `${section}.${index}`;
        return (
          <fieldset key={row.id} id={fieldId(base)} className="space-y-3 rounded-md border border-border p-3">
            <legend className="px-1 text-sm font-semibold text-zinc-900">{t("document", { n: index + 1 })}</legend>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <FieldList fields={otherSpecs} parent="" base={base} />
              {mainSpec && <MainRadio spec={mainSpec} name={`${base}.${MAIN}`} group={mainGroup(index)} row={index + 1} onChoose={() => chooseMain(index)} />}
            </div>
            <Button type="button" variant="secondary" onClick={() => removeRow(index)}>
              {t("removeDocument", { n: index + 1 })}
            </Button>
          </fieldset>
        );
      })}
      {listErrorText && (
        <p id={`${listId}-error`} className="text-sm text-danger">
          {listErrorText}
        </p>
      )}
      <Button
        ref={addButton}
        type="button"
        variant="secondary"
        id={`${listId}-add`}
        onClick={addRow}
        aria-describedby={listErrorText ? `${listId}-error` : undefined}
      >
        {t("addDocument")}
      </Button>
    </div>
  );
}
