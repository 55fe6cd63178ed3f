"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormProvider, useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { saveSection } from "@/lib/enrollment/actions/save-section";
import { fieldsOf, SECTIONS, type TSectionKey } from "@/lib/enrollment/field-table";
import type { TSaveSectionResult } from "@/lib/enrollment/save-section-input";
import { SECTION_SCHEMAS } from "@/lib/enrollment/schema";
import { toFormLocale } from "./code-lists";
import { DocumentsArray } from "./documents-array";
import { ErrorSummary } from "./error-summary";
import { FieldList } from "./object-fieldset";
import { initialOrigins, isArraySection, placeIssues, restoreNoValues, toFormValues, unknownKeys, type TFormValues, type TPathMessage } from "./paths";
import { SaveNotices, type TNotice } from "./save-notices";

export type TSectionFormProps = {
  enrollmentId: string;
  /** The enrollment version `initialValue` was read at; a save against an older one is refused. */
  version: number;
  section: TSectionKey;
  /** The section as stored (unknown keys included): an object, or an array for client_documents. */
  initialValue: unknown;
  /** The stored payload's issues (full paths such as `client_info.first_name`), shown on load. */
  issues?: readonly TPathMessage[];
};

const NO_ISSUES: readonly TPathMessage[] = [];

// "Saved" of a form a parent remounts on the new version (key={version}): the new instance shows it
const savedNotices = new Map<string, number>();
const noticeKey = (enrollmentId: string, section: string, version: number) => `${enrollmentId}:${section}:${version}`;

const isNavigation = (error: unknown) => {
  const digest = typeof error === "object" && error !== null ? (error as { digest?: unknown }).digest : undefined;
  return typeof digest === "string" && /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK|NOT_FOUND)/.test(digest);
};

/** An editable form for one section of an enrollment; re-initialises when `version` changes. */
export function SectionForm(props: TSectionFormProps) {
  return <SectionFormBody key={`${props.enrollmentId}:${props.section}`} {...props} />;
}

function SectionFormBody({ enrollmentId, version, section, initialValue, issues = NO_ISSUES }: TSectionFormProps) {
  const t = useTranslations("sectionForm");
  const locale = toFormLocale(useLocale());
  const router = useRouter();
  const [reloading, startReload] = useTransition();
  const [notice, setNotice] = useState<TNotice | null>(null);
  const { executeAsync, isPending } = useAction(saveSection);

  // form values are `{ [section]: value }` so form names are the payload paths issues use
  const resolver = useMemo(
    () => zodResolver(z.object({ [section]: SECTION_SCHEMAS[section] }), undefined, { raw: true }) as unknown as Resolver<TFormValues>,
    [section],
  );
  const [defaultValues] = useState(() => toFormValues(section, initialValue));
  const form = useForm<TFormValues>({ resolver, defaultValues, mode: "onBlur", reValidateMode: "onChange", shouldFocusError: true });
  const origins = useRef<(number | null)[]>(initialOrigins(initialValue));
  const saveButton = useRef<HTMLButtonElement>(null);

  // the latest props, for effects that must run only when the version changes
  const loaded = useRef({ initialValue, issues });
  loaded.current = { initialValue, issues };

  /** Every problem of the values as loaded, on its field: the schema's, then the stored issues it did not place. */
  const showLoadIssues = useCallback(async () => {
    await form.trigger();
    const { onFields, elsewhere } = placeIssues(section, loaded.current.issues);
    for (const issue of onFields) {
      if (!form.getFieldState(issue.path).error) form.setError(issue.path, { type: "server", message: issue.message });
    }
    if (elsewhere.length > 0) {
      form.setError("root.loadIssues", { type: "server", message: elsewhere.map((issue) => `${issue.path}: ${issue.message}`).join("\n") });
    }
  }, [form, section]);

  const restoreLoaded = useCallback(() => {
    form.reset(toFormValues(section, loaded.current.initialValue));
    origins.current = initialOrigins(loaded.current.initialValue);
    void showLoadIssues();
  }, [form, section, showLoadIssues]);

  const shownVersion = useRef<number | null>(null);
  useEffect(() => {
    if (shownVersion.current === null) {
      void showLoadIssues();
      const changed = savedNotices.get(noticeKey(enrollmentId, section, version));
      if (changed !== undefined) {
        savedNotices.delete(noticeKey(enrollmentId, section, version));
        setNotice({ kind: "saved", changed });
        if (document.activeElement === null || document.activeElement === document.body) saveButton.current?.focus();
      }
    } else if (shownVersion.current !== version) {
      // a save or a reload brought a new version: start again from it
      restoreLoaded();
      savedNotices.delete(noticeKey(enrollmentId, section, version)); // shown here already
      setNotice((current) => (current?.kind === "saved" ? current : null));
      // the Reload button went away with its alert
      if (document.activeElement === null || document.activeElement === document.body) saveButton.current?.focus();
    }
    shownVersion.current = version;
  }, [enrollmentId, section, version, showLoadIssues, restoreLoaded]);

  const applyResult = (data: TSaveSectionResult) => {
    switch (data.kind) {
      case "saved":
        setNotice({ kind: "saved", changed: data.changed });
        savedNotices.set(noticeKey(enrollmentId, section, data.version), data.changed);
        // Save stays disabled until the new version's props arrive and reset the form
        startReload(() => router.refresh());
        return;
      case "invalid": {
        const { onFields, elsewhere } = placeIssues(section, data.errors);
        onFields.forEach((issue, index) => form.setError(issue.path, { type: "server", message: issue.message }, { shouldFocus: index === 0 }));
        if (elsewhere.length > 0) {
          form.setError("root.serverError", { type: "server", message: elsewhere.map((issue) => `${issue.path}: ${issue.message}`).join("\n") });
        }
        return;
      }
      case "conflict":
        setNotice({ kind: "conflict", version: data.currentVersion, editedBy: data.editedBy });
        return;
      case "locked":
        setNotice({ kind: "locked", status: data.status });
        return;
    }
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setNotice(null);
    const value = restoreNoValues(section, values[section], initialValue, origins.current);
    try {
      const result = await executeAsync({ enrollmentId, version, section, value });
      if (result?.serverError) form.setError("root.serverError", { type: "server", message: result.serverError });
      else if (result?.validationErrors) form.setError("root.serverError", { type: "server", message: t("rejected") });
      else if (result?.data) applyResult(result.data);
      else form.setError("root.serverError", { type: "server", message: t("failed") });
    } catch (error) {
      if (!isNavigation(error)) form.setError("root.serverError", { type: "server", message: t("failed") });
    }
  });

  const busy = isPending || reloading || form.formState.isSubmitting;
  // a disabled button loses focus: give it back when the save is over, unless it moved on
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !busy && (document.activeElement === null || document.activeElement === document.body)) saveButton.current?.focus();
    wasBusy.current = busy;
  }, [busy]);
  const sectionLabel = SECTIONS.find((spec) => spec.key === section)?.label[locale] ?? section;
  const extraKeys = useMemo(() => unknownKeys(section, initialValue), [section, initialValue]);

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label={sectionLabel} className="space-y-4">
        <p className="text-xs text-muted-foreground">{t("requiredHint")}</p>
        <ErrorSummary section={section} />
        {isArraySection(section) ? (
          <DocumentsArray section={section} origins={origins} />
        ) : (
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <FieldList fields={fieldsOf(section)} parent="" base={section} />
          </div>
        )}
        {extraKeys.length > 0 && <p className="text-xs text-muted-foreground">{t("unknownKeys", { keys: extraKeys.join(", ") })}</p>}
        <SaveNotices notice={notice} reloading={reloading} onReload={() => startReload(() => router.refresh())} />
        <div className="flex flex-wrap items-center gap-3">
          <Button ref={saveButton} type="submit" disabled={busy}>
            {busy ? t("saving") : t("save")}
          </Button>
          <Button
            type="button"
            variant="secondary"
            disabled={busy}
            onClick={() => {
              setNotice(null);
              restoreLoaded();
            }}
          >
            {t("reset")}
          </Button>
          <p role="status" aria-live="polite" className="text-sm text-green-800">
            {notice?.kind === "saved" ? t("saved", { changed: notice.changed }) : ""}
          </p>
        </div>
      </form>
    </FormProvider>
  );
}
