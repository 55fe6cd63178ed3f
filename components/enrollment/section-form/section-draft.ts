// The section form's memory of what the officer typed, as pure steps the form (and the
// randomized test of it) drive: following a newer stored section, deciding what one press of
// Save does, and taking in the save's answer. Values are form values (`{ [section]: value }`).
import type { TSectionKey } from "@/lib/enrollment/field-table";
import type { TSaveSectionResult } from "@/lib/enrollment/save-section-input";
import { carryConflicts, changedPaths, mergeIncoming, type TFieldConflict } from "./merge";
import { toFormValues, type TFormValues } from "./paths";

/** The stored section the values started from (a field differing from it is unsaved input), at its version. */
export type TBase = { values: TFormValues; version: number; by: string | null };

export type TDraftState = { base: TBase; conflicts: TFieldConflict[] };

export const initialDraft = (section: TSectionKey, stored: unknown, version: number, by: string | null): TDraftState => ({
  base: { values: toFormValues(section, stored), version, by },
  conflicts: [],
});

/** Whether the values hold input the stored section does not have (or a choice still to make). */
export const hasUnsaved = (section: TSectionKey, state: TDraftState, values: TFormValues): boolean =>
  state.conflicts.length > 0 || changedPaths(section, state.base.values, values).length > 0;

/**
 * The stored section moved on: the values to show (the officer's input kept, the rest
 * following the stored value) and the new state, with the fields both changed as conflicts.
 * A stored version older than or equal to the base's is no news and changes nothing. For a list
 * section, `origins` (the stored row each form row was loaded from) lets rows matched one to one
 * merge field by field.
 */
export function follow(
  section: TSectionKey,
  state: TDraftState,
  values: TFormValues,
  stored: unknown,
  version: number,
  by: string | null,
  origins?: readonly (number | null)[],
): { state: TDraftState; values: TFormValues } {
  if (version <= state.base.version) return { state, values };
  const incoming = toFormValues(section, stored);
  const merged = mergeIncoming(section, state.base.values, values, incoming, origins);
  return {
    state: { base: { values: incoming, version, by }, conflicts: carryConflicts(state.conflicts, merged.conflicts, merged.values, incoming) },
    values: merged.values,
  };
}

/** What one press of Save does with the values: refuse until conflicts are chosen, say "no changes", or send. */
export function planSave(section: TSectionKey, state: TDraftState, values: TFormValues) {
  if (state.conflicts.length > 0) return { kind: "choose" as const, paths: state.conflicts.map((conflict) => conflict.path) };
  if (changedPaths(section, state.base.values, values).length === 0) return { kind: "unchanged" as const };
  return { kind: "send" as const, sent: structuredClone(values), sectionVersion: state.base.version };
}

/**
 * The state after the server answered a save of `sent`; for a conflict, also the values to
 * show (the other save followed, the officer's input kept). `values` are the form's values now
 * (the officer may have typed while the save was on its way: that stays unsaved input).
 */
export function settle(
  section: TSectionKey,
  state: TDraftState,
  values: TFormValues,
  sent: TFormValues,
  result: TSaveSectionResult,
  origins?: readonly (number | null)[],
): { state: TDraftState; values: TFormValues } {
  switch (result.kind) {
    case "saved":
      return { state: { ...state, base: { values: sent, version: result.version, by: null } }, values };
    case "unchanged":
      return { state: { ...state, base: { ...state.base, values: sent, version: result.sectionVersion } }, values };
    case "conflict":
      return follow(section, state, values, result.value, result.sectionVersion, result.editedBy, origins);
    default:
      return { state, values };
  }
}

/** The officer chose for one conflict: keep their value, or take the stored one (`theirs`). */
export function choose(state: TDraftState, path: string): TDraftState {
  return { ...state, conflicts: state.conflicts.filter((conflict) => conflict.path !== path) };
}
