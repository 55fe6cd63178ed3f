"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormProvider, useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { keepDraft, setSectionUnsaved, takeDraft, unsavedSections } from "@/components/enrollment/unsaved-changes";
import { saveSection } from "@/lib/enrollment/actions/save-section";
import { fieldLabel } from "@/lib/enrollment/field-label";
import { fieldsOf, SECTIONS, type TSectionKey } from "@/lib/enrollment/field-table";
import type { TSaveSectionResult } from "@/lib/enrollment/save-section-input";
import { SECTION_SCHEMAS } from "@/lib/enrollment/schema";
import { toFormLocale } from "./code-lists";
import { DocumentsArray } from "./documents-array";
import { ErrorSummary } from "./error-summary";
import { FieldConflictsProvider } from "./field-conflicts";
import { translateIssue } from "./issue-messages";
import { matchedRows, sameValue } from "./merge";
import { FieldList } from "./object-fieldset";
import { getIn, initialOrigins, isArraySection, placeIssues, restoreNoValues, toFormValues, unknownKeys, type TFormValues, type TPathMessage } from "./paths";
import { SaveNotices, type TNotice } from "./save-notices";
import { choose, follow, hasUnsaved, initialDraft, planSave, settle, type TDraftState } from "./section-draft";

export type TSectionFormProps = {
  enrollmentId: string;
  /** The section's version `initialValue` was read at (0: as received); a save of an older one is refused. */
  sectionVersion: number;
  /** Who saved the section last (display name), to name a value saved while the officer typed. */
  lastSavedBy: string | null;
  section: TSectionKey;
  /** The section as stored (unknown keys included): an object, or an array for client_documents. */
  initialValue: unknown;
  /** The stored payload's issues (full paths such as `client_info.first_name`), shown on load. */
  issues?: readonly TPathMessage[];
};

const NO_ISSUES: readonly TPathMessage[] = [];

/** The stored value the rows of the form were loaded from (an added row has no origin). */
type TLoaded = { value: unknown; origins: (number | null)[] };
type TDraft = { values: TFormValues; state: TDraftState; loaded: TLoaded };

/** Whether next-auth still knows the browser's session (a failed save may be a signed-out one). */
async function signedOut(): Promise<boolean> {
  try {
    const response = await fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" });
    if (!response.ok) return false;
    const session = (await response.json()) as { userId?: unknown } | null;
    return !session || typeof session.userId !== "string";
  } catch {
    return false; // the server could not be reached: that is not the session's doing
  }
}

/**
 * An editable form for one section of an enrollment. What the officer typed is never thrown
 * away by anything but the officer: a newer stored section (their own save of another section,
 * a colleague's, a refresh) updates only the fields the officer has not changed, and a field
 * both changed shows both values for the officer to choose. Every press of Save is answered.
 */
export function SectionForm(props: TSectionFormProps) {
  return <SectionFormBody key={`${props.enrollmentId}:${props.section}`} {...props} />;
}

function SectionFormBody({ enrollmentId, sectionVersion, lastSavedBy, section, initialValue, issues = NO_ISSUES }: TSectionFormProps) {
  const t = useTranslations("sectionForm");
  const locale = toFormLocale(useLocale());
  const sectionLabel = SECTIONS.find((spec) => spec.key === section)?.label[locale] ?? section;
  const [notice, setNotice] = useState<TNotice | null>(null);
  const { executeAsync } = useAction(saveSection);

  // form values are `{ [section]: value }` so form names are the payload paths issues use
  const resolver = useMemo(
    () => zodResolver(z.object({ [section]: SECTION_SCHEMAS[section] }), undefined, { raw: true }) as unknown as Resolver<TFormValues>,
    [section],
  );
  // a form unmounted with unsaved input (a push swapped it for a read-only view) comes back with it
  const [draft] = useState(() => takeDraft(enrollmentId, section) as TDraft | undefined);
  const [defaultValues] = useState(() => draft?.values ?? toFormValues(section, initialValue));
  const form = useForm<TFormValues>({ resolver, defaultValues, mode: "onBlur", reValidateMode: "onChange", shouldFocusError: true });
  const loaded = useRef<TLoaded>(draft?.loaded ?? { value: initialValue, origins: initialOrigins(initialValue) });
  const origins = useRef<(number | null)[]>(loaded.current.origins);
  // the draft state lives in a ref (saves read it after awaits) mirrored in state for rendering
  const stateRef = useRef<TDraftState>(draft?.state ?? initialDraft(section, initialValue, sectionVersion, lastSavedBy));
  const [state, setStateValue] = useState(stateRef.current);
  const setState = useCallback((next: TDraftState) => {
    stateRef.current = next;
    setStateValue(next);
  }, []);
  const [unsaved, setUnsaved] = useState(false);

  // the latest props, for effects that must run only when the stored section changes
  const props = useRef({ initialValue, issues, sectionVersion, lastSavedBy });
  props.current = { initialValue, issues, sectionVersion, lastSavedBy };

  /** Every problem of the values shown, on its field: the schema's, then the stored issues it did not place. */
  const showLoadIssues = useCallback(async () => {
    await form.trigger();
    const { onFields, elsewhere } = placeIssues(section, props.current.issues);
    for (const issue of onFields) {
      if (!form.getFieldState(issue.path).error) form.setError(issue.path, { type: "server", message: issue.message });
    }
    if (elsewhere.length > 0) {
      form.setError("root.loadIssues", { type: "server", message: elsewhere.map((issue) => `${fieldLabel(issue.path, locale).text}: ${translateIssue(t, issue.message)}`).join("\n") });
    }
  }, [form, section]);

  /** Recomputes whether the form holds unsaved input, for the menu, the push and leaving. */
  const refreshUnsaved = useCallback(() => {
    const isUnsaved = hasUnsaved(section, stateRef.current, form.getValues());
    setUnsaved(isUnsaved);
    setSectionUnsaved(enrollmentId, section, isUnsaved);
  }, [enrollmentId, section, form]);

  useEffect(() => {
    const subscription = form.watch(() => refreshUnsaved());
    refreshUnsaved();
    return () => subscription.unsubscribe();
  }, [form, refreshUnsaved]);

  // unmounted with unsaved input: keep it for the form that replaces this one
  useEffect(
    () => () => {
      // the store says so unless the officer chose to leave without it (LeaveGuard)
      if (unsavedSections(enrollmentId).has(section)) {
        keepDraft(enrollmentId, section, { values: form.getValues(), state: stateRef.current, loaded: loaded.current } satisfies TDraft);
      }
    },
    [enrollmentId, section, form],
  );

  /** Shows `next` values: only units that differ are set, so the field being typed in is never touched. */
  const showValues = useCallback(
    (next: TFormValues, replaceRows: boolean) => {
      const current = form.getValues();
      const paths = isArraySection(section) ? [section] : fieldsOf(section).map((spec) => `${section}.${spec.path}`);
      for (const path of paths) {
        const value = getIn(next, path);
        if (!sameValue(getIn(current, path), value) || (isArraySection(section) && replaceRows)) form.setValue(path, structuredClone(value));
      }
    },
    [form, section],
  );

  /** The stored section moved on (to `stored`, at `version`): follow it wherever the officer typed nothing. */
  const followStored = useCallback(
    (stored: unknown, version: number, by: string | null) => {
      const current = form.getValues();
      const untouched = !hasUnsaved(section, stateRef.current, current);
      // a list whose rows are still the stored rows one to one merges field by field, row by row
      const rowsMatched = matchedRows(section, stateRef.current.base.values, current, toFormValues(section, stored), origins.current) !== null;
      const next = follow(section, stateRef.current, current, stored, version, by, origins.current);
      showValues(next.values, untouched);
      // rows the officer added, removed or moved still come from the value they were loaded from
      if (!isArraySection(section) || untouched || rowsMatched) {
        loaded.current = { value: stored, origins: initialOrigins(stored) };
        origins.current = loaded.current.origins;
      }
      setState(next.state);
      refreshUnsaved();
      void showLoadIssues();
    },
    [form, section, setState, showValues, refreshUnsaved, showLoadIssues],
  );

  const saving = useRef(0);
  const [savingCount, setSavingCount] = useState(0);
  // a newer stored section arrived: follow it, once no save of this form is on its way (the
  // answer to that save says which version the values sent became)
  useEffect(() => {
    if (savingCount > 0) return;
    const latest = props.current;
    if (latest.sectionVersion > stateRef.current.base.version) followStored(latest.initialValue, latest.sectionVersion, latest.lastSavedBy);
  }, [sectionVersion, savingCount, followStored]);

  useEffect(() => {
    void showLoadIssues();
  }, [showLoadIssues]);

  const keepMine = (path: string) => {
    setState(choose(stateRef.current, path));
    refreshUnsaved();
  };
  const takeTheirs = (path: string) => {
    const conflict = stateRef.current.conflicts.find((candidate) => candidate.path === path);
    if (!conflict) return;
    form.setValue(path, structuredClone(conflict.theirs), { shouldValidate: true });
    if (path === section && isArraySection(section)) {
      loaded.current = { value: conflict.theirs, origins: initialOrigins(conflict.theirs) };
      origins.current = loaded.current.origins;
    }
    keepMine(path);
  };

  const applyResult = (data: TSaveSectionResult, sent: TFormValues, stored: unknown) => {
    switch (data.kind) {
      case "saved":
        setState(settle(section, stateRef.current, form.getValues(), sent, data).state);
        // rows added or removed while the save was on its way keep the origins they had
        if (!isArraySection(section) || sameValue(sent[section], form.getValues(section))) {
          loaded.current = { value: stored, origins: initialOrigins(stored) };
          origins.current = loaded.current.origins;
        }
        setNotice({ kind: "saved", changed: data.changed });
        return;
      case "unchanged":
        setState(settle(section, stateRef.current, form.getValues(), sent, data).state);
        setNotice({ kind: "unchanged" });
        return;
      case "invalid": {
        const { onFields, elsewhere } = placeIssues(section, data.errors);
        onFields.forEach((issue, index) => form.setError(issue.path, { type: "server", message: issue.message }, { shouldFocus: index === 0 }));
        if (elsewhere.length > 0) {
          form.setError("root.serverError", { type: "server", message: elsewhere.map((issue) => `${fieldLabel(issue.path, locale).text}: ${translateIssue(t, issue.message)}`).join("\n") });
        }
        setNotice({ kind: "invalid" });
        return;
      }
      case "conflict":
        followStored(data.value, data.sectionVersion, data.editedBy);
        setNotice({ kind: "conflict", editedBy: data.editedBy, editedAt: data.editedAt, choices: stateRef.current.conflicts.length });
        return;
      case "locked":
        setNotice({ kind: "locked", status: data.status });
        return;
    }
  };

  const conflictLabels = (paths: readonly string[]) =>
    paths.map((path) => fieldLabel(path, locale).text);

  /** One press of Save: checked, compared with the stored section, sent; always answered. */
  const save = async () => {
    form.clearErrors("root.serverError");
    const firstLook = planSave(section, stateRef.current, form.getValues());
    if (firstLook.kind === "choose") return setNotice({ kind: "choose", fields: conflictLabels(firstLook.paths) });
    if (!(await form.trigger(undefined, { shouldFocus: true }))) return setNotice({ kind: "invalid" });
    const plan = planSave(section, stateRef.current, form.getValues());
    if (plan.kind === "choose") return setNotice({ kind: "choose", fields: conflictLabels(plan.paths) });
    if (plan.kind === "unchanged") return setNotice({ kind: "unchanged" });
    const value = restoreNoValues(section, plan.sent[section], loaded.current.value, origins.current);
    try {
      const result = await executeAsync({ enrollmentId, sectionVersion: plan.sectionVersion, section, value });
      if (result?.data) return applyResult(result.data, plan.sent, value);
      if (await signedOut()) return setNotice({ kind: "signedOut" });
      setNotice({ kind: "failed", message: result?.serverError ?? (result?.validationErrors ? t("rejected") : null) });
    } catch {
      setNotice({ kind: (await signedOut()) ? "signedOut" : "failed", message: null });
    }
  };

  // Saves run one after another: a press while one is on its way is answered after it, with
  // whatever was typed meanwhile (never swallowed by a disabled button).
  const queue = useRef<Promise<void>>(Promise.resolve());
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    saving.current += 1;
    setSavingCount(saving.current);
    setNotice(null);
    queue.current = queue.current
      .then(save)
      .catch(() => setNotice({ kind: "failed", message: null }))
      .finally(() => {
        saving.current -= 1;
        setSavingCount(saving.current);
        refreshUnsaved();
      });
  };

  const discard = () => {
    setNotice(null);
    const { base } = stateRef.current;
    setState({ base, conflicts: [] });
    form.reset(structuredClone(base.values));
    loaded.current = { value: getIn(base.values, section), origins: initialOrigins(getIn(base.values, section)) };
    origins.current = loaded.current.origins;
    refreshUnsaved();
    void showLoadIssues();
  };

  const extraKeys = useMemo(() => unknownKeys(section, initialValue), [section, initialValue]);
  const busy = savingCount > 0;

  return (
    <FormProvider {...form}>
      <FieldConflictsProvider value={{ conflicts: state.conflicts, by: state.base.by, keepMine, takeTheirs }}>
        <form onSubmit={onSubmit} noValidate aria-label={sectionLabel} className="space-y-4" data-unsaved={unsaved ? "true" : undefined}>
          <p className="text-xs text-muted-foreground">{t("requiredHint")}</p>
          <ErrorSummary section={section} />
          {isArraySection(section) ? (
            <DocumentsArray section={section} origins={origins} />
          ) : (
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <FieldList fields={fieldsOf(section)} parent="" base={section} />
            </div>
          )}
          {extraKeys.length > 0 && <p className="text-xs text-muted-foreground">{t.rich("unknownKeys", { keys: extraKeys.join(", "), code: (chunks) => <code>{chunks}</code> })}</p>}
          <SaveNotices notice={notice} sectionLabel={sectionLabel} onDismiss={() => setNotice(null)} />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" aria-busy={busy || undefined}>
              {busy ? t("saving") : t("save")}
            </Button>
            <Button type="button" variant="secondary" disabled={!unsaved} onClick={discard}>
              {t("reset")}
            </Button>
            <p role="status" aria-live="polite" className="text-sm text-green-800">
              {notice?.kind === "saved" ? t("saved", { changed: notice.changed }) : notice?.kind === "unchanged" ? t("unchanged") : ""}
            </p>
            {unsaved && <p className="text-sm text-amber-800" data-testid="unsaved-mark">{t("unsaved")}</p>}
          </div>
        </form>
      </FieldConflictsProvider>
    </FormProvider>
  );
}
