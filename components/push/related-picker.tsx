"use client";

import { useEffect, useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { useFormContext, useFormState, useWatch } from "react-hook-form";
import { StatusBadge } from "@/components/enrollment/status-badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { pickedRelated, RELATED_SEARCH_MIN_LENGTH, type TPickedRelated, type TRelatedCandidate } from "@/lib/push/related-candidate";

type TSearchState = "idle" | "searching" | "error" | "empty" | "results";

/** How long typing must pause before the search goes out. */
export const RELATED_SEARCH_DEBOUNCE_MS = 250;

async function fetchCandidates(enrollmentId: string, q: string, signal: AbortSignal): Promise<TRelatedCandidate[]> {
  // POST: the search may be a full document number, which stays out of URLs and logs.
  const response = await fetch(`/api/enrollments/${enrollmentId}/related-candidates`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ q }),
    cache: "no-store",
    signal,
  });
  if (!response.ok) throw new Error(`Related client search failed (${response.status})`);
  return ((await response.json()) as { rows: TRelatedCandidate[] }).rows;
}

type TResult = { term: string; attempt: number; ok: boolean; rows: TRelatedCandidate[] };

/**
 * The candidates for `term` while `enabled`: a search that a newer one replaces is aborted. A
 * small hook rather than TanStack's useQuery, whose 3 kB the push form's chunk would carry again.
 */
function useCandidateSearch(enrollmentId: string, term: string, enabled: boolean) {
  const [result, setResult] = useState<TResult | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    fetchCandidates(enrollmentId, term, controller.signal).then(
      (rows) => setResult({ term, attempt, ok: true, rows }),
      () => {
        if (!controller.signal.aborted) setResult({ term, attempt, ok: false, rows: [] });
      },
    );
    return () => controller.abort();
  }, [enrollmentId, term, enabled, attempt]);
  // an answer to an earlier search, or to the attempt before a retry, is not this one's
  const current = result !== null && result.term === term && result.attempt === attempt ? result : null;
  const status: "idle" | "loading" | "error" | "done" = !enabled ? "idle" : current === null ? "loading" : current.ok ? "done" : "error";
  return { status, rows: current?.ok ? current.rows : [], retry: () => setAttempt((n) => n + 1) };
}

type TProps = {
  /** The enrollment being pushed: the search leaves it out. */
  enrollmentId: string;
  /** Form name of the related client row: `products.0.related.1`. */
  base: string;
  /** DOM id of the combobox input. */
  id: string;
};

/**
 * A combobox (WAI-ARIA 1.2, editable, list autocomplete) that searches other enrollments and, on a
 * pick, fills the row's customer number or wisenroll code. Focus stays in the input; the options
 * are announced through aria-activedescendant, the result count through a live region.
 */
export function RelatedPicker({ enrollmentId, base, id }: TProps) {
  const t = useTranslations("push.picker");
  const { setValue } = useFormContext();
  const { isSubmitted } = useFormState();
  const [customerNumber, relatedWisenrollCode] = useWatch({ name: [`${base}.customerNumber`, `${base}.relatedWisenrollCode`] }) as [unknown, unknown];
  const [text, setText] = useState("");
  const [term, setTerm] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [picked, setPicked] = useState<{ name: string; values: TPickedRelated } | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setTerm(text.trim()), RELATED_SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const typing = text.trim() !== term;
  const search = useCandidateSearch(enrollmentId, term, open && term.length >= RELATED_SEARCH_MIN_LENGTH);
  const rows = typing ? [] : search.rows;
  const expanded = open && rows.length > 0;
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const activeIndex = active < rows.length ? active : -1;

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(`${id}-option-${activeIndex}`)?.scrollIntoView({ block: "nearest" });
  }, [id, activeIndex]);

  // What the popup shows besides options, and what a screen reader hears about the search.
  let state: TSearchState = "idle";
  if (open && text.trim().length >= RELATED_SEARCH_MIN_LENGTH) {
    if (typing || search.status === "loading") state = "searching";
    else if (search.status === "error") state = "error";
    else state = rows.length === 0 ? "empty" : "results";
  }
  const message = state === "searching" || state === "error" || state === "empty" ? t(state) : null;
  const announcement = state === "results" ? t("found", { count: rows.length }) : state === "error" || state === "empty" ? t(state) : "";
  const stillPicked =
    picked !== null && customerNumber === picked.values.customerNumber && relatedWisenrollCode === picked.values.relatedWisenrollCode ? picked : null;
  const pickedText = stillPicked
    ? stillPicked.values.customerNumber
      ? t("pickedNumber", { name: stillPicked.name, number: stillPicked.values.customerNumber })
      : t("pickedCode", { name: stillPicked.name, code: stillPicked.values.relatedWisenrollCode })
    : "";

  const pick = (candidate: TRelatedCandidate) => {
    const values = pickedRelated(candidate);
    if (!values) return;
    // once the officer has tried to push, errors follow the values as they change
    const options = { shouldDirty: true, shouldValidate: isSubmitted };
    setValue(`${base}.relatedWisenrollCode`, values.relatedWisenrollCode, options);
    setValue(`${base}.customerNumber`, values.customerNumber, options);
    const name = candidate.fullName || candidate.wisenrollCode || "";
    setPicked({ name, values });
    setText(name);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) setOpen(true);
        else if (rows.length > 0) setActive((activeIndex + 1) % rows.length);
        return;
      case "ArrowUp":
        event.preventDefault();
        if (!open) setOpen(true);
        else if (rows.length > 0) setActive(activeIndex <= 0 ? rows.length - 1 : activeIndex - 1);
        return;
      case "Enter": {
        // never submits the push form from here
        event.preventDefault();
        const candidate = expanded ? rows[activeIndex] : undefined;
        if (candidate) pick(candidate);
        return;
      }
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text !== "") {
          event.preventDefault();
          setText("");
        }
        return;
      case "Tab":
        setOpen(false);
        return;
    }
  };

  return (
    <div
      className="space-y-1 sm:col-span-2"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <Label htmlFor={id}>{t("label")}</Label>
      <div className="relative">
        <Input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
        <div
          className="absolute inset-x-0 top-full z-20 mt-1 overflow-hidden rounded-md border border-border bg-white shadow-lg"
          hidden={!expanded && message === null}
          // a click in the popup keeps the focus in the input
          onMouseDown={(event) => event.preventDefault()}
        >
          <ul id={listId} role="listbox" aria-label={t("results")} hidden={!expanded} className="max-h-72 overflow-y-auto py-1" data-testid="related-picker-options">
            {rows.map((candidate, index) => (
              <CandidateOption
                key={candidate.id}
                id={optionId(index)}
                candidate={candidate}
                active={index === activeIndex}
                onHover={() => setActive(index)}
                onPick={() => pick(candidate)}
              />
            ))}
          </ul>
          {message !== null && (
            <div className="flex items-center gap-3 px-3 py-2 text-sm text-muted-foreground" data-testid="related-picker-message">
              <span className={state === "error" ? "text-danger" : undefined}>{message}</span>
              {state === "error" && (
                <Button type="button" variant="secondary" className="h-7" onClick={search.retry}>
                  {t("retry")}
                </Button>
              )}
            </div>
          )}
        </div>
      </div>
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {t("hint")}
      </p>
      {/* live regions: in the page from the start, so a change of their text is announced */}
      <p role="status" className="text-sm empty:hidden" data-testid="related-picked">
        {pickedText}
      </p>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

function CandidateOption({
  id,
  candidate,
  active,
  onHover,
  onPick,
}: {
  id: string;
  candidate: TRelatedCandidate;
  active: boolean;
  onHover: () => void;
  onPick: () => void;
}) {
  const t = useTranslations("push.picker");
  const last4 = candidate.mainDocMasked.replace(/^•+/, "");
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className="cursor-pointer space-y-0.5 px-3 py-2 text-sm aria-selected:bg-muted"
      onMouseMove={active ? undefined : onHover}
      onClick={onPick}
      data-testid="related-picker-option"
    >
      <span className="flex items-center justify-between gap-2">
        <span className="font-medium text-zinc-900">{candidate.fullName || "—"}</span>
        {candidate.otherBranch ? <span className="text-xs text-muted-foreground">{t("otherBranch")}</span> : <StatusBadge status={candidate.status} />}
      </span>
      <span className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
        {!candidate.otherBranch && <span className="font-mono">{candidate.wisenrollCode ?? "—"}</span>}
        {candidate.mainDocMasked && (
          <span className="font-mono">
            {candidate.mainDocType ? `${candidate.mainDocType} ` : ""}
            <span aria-hidden="true">{candidate.mainDocMasked}</span>
            <span className="sr-only">{t("documentEnding", { last4 })}</span>
            {candidate.mainDocCountry ? ` (${candidate.mainDocCountry})` : ""}
          </span>
        )}
        <span>{candidate.customerNumber ? t("customer", { number: candidate.customerNumber }) : t("notPushed")}</span>
      </span>
    </li>
  );
}
