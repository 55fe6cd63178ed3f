"use client";

// What the officer typed and has not saved, per enrollment and section, outside any component:
// the section menu marks those sections, the push refuses to start while any exist, leaving the
// page asks first, and a form that is unmounted (the page swapped it for a read-only view while
// a push ran, an error boundary retried) comes back with the input it had.
import { useSyncExternalStore } from "react";
import type { TSectionKey } from "@/lib/enrollment/field-table";

/** A form's state worth keeping across a remount; opaque to everyone but the form. */
export type TSectionDraft = unknown;

const unsaved = new Map<string, ReadonlySet<TSectionKey>>();
const drafts = new Map<string, TSectionDraft>();
const listeners = new Set<() => void>();
const EMPTY: ReadonlySet<TSectionKey> = new Set();

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Marks one section as having (or no longer having) unsaved input. */
export function setSectionUnsaved(enrollmentId: string, section: TSectionKey, isUnsaved: boolean): void {
  const current = unsaved.get(enrollmentId) ?? EMPTY;
  if (current.has(section) === isUnsaved) return;
  const next = new Set(current);
  if (isUnsaved) next.add(section);
  else next.delete(section);
  unsaved.set(enrollmentId, next);
  listeners.forEach((listener) => listener());
}

/** The sections of an enrollment with unsaved input, now (outside React). */
export const unsavedSections = (enrollmentId: string): ReadonlySet<TSectionKey> => unsaved.get(enrollmentId) ?? EMPTY;

/** The sections of an enrollment with unsaved input, re-rendering when that changes. */
export function useUnsavedSections(enrollmentId: string): ReadonlySet<TSectionKey> {
  return useSyncExternalStore(
    subscribe,
    () => unsavedSections(enrollmentId),
    () => EMPTY,
  );
}

const draftKey = (enrollmentId: string, section: TSectionKey) => `${enrollmentId}:${section}`;

/** Keeps a form's state when it unmounts with unsaved input. */
export const keepDraft = (enrollmentId: string, section: TSectionKey, draft: TSectionDraft) => drafts.set(draftKey(enrollmentId, section), draft);

/** Takes back (and forgets) the state a form kept. */
export function takeDraft(enrollmentId: string, section: TSectionKey): TSectionDraft | undefined {
  const key = draftKey(enrollmentId, section);
  const draft = drafts.get(key);
  drafts.delete(key);
  return draft;
}

/** Forgets every unsaved input: the officer chose to leave without it. */
export function discardAllUnsaved(): void {
  drafts.clear();
  unsaved.clear();
  listeners.forEach((listener) => listener());
}
