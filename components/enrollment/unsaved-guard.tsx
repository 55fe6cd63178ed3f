"use client";

import { useEffect } from "react";
import { useLocale, useTranslations } from "next-intl";
import { SECTIONS, type TSectionKey } from "@/lib/enrollment/field-table";
import { toFormLocale } from "./section-form/code-lists";
import { discardAllUnsaved, unsavedSections, useUnsavedSections } from "./unsaved-changes";

/** The section menu's mark on a section holding unsaved input. */
export function UnsavedMark({ enrollmentId, section }: { enrollmentId: string; section: TSectionKey }) {
  const t = useTranslations("sectionForm");
  if (!useUnsavedSections(enrollmentId).has(section)) return null;
  return (
    <span className="ml-auto mr-1 size-2 rounded-full bg-amber-500" title={t("unsaved")} data-testid={`unsaved-${section}`}>
      <span className="sr-only">{t("unsaved")}</span>
    </span>
  );
}

/** The labels of an enrollment's sections with unsaved input, in the reader's language. */
export function useUnsavedLabels(enrollmentId: string): string[] {
  const locale = toFormLocale(useLocale());
  const sections = useUnsavedSections(enrollmentId);
  return SECTIONS.filter((spec) => sections.has(spec.key)).map((spec) => spec.label[locale]);
}

// The Navigation API (Chromium, Safari 26, Firefox 147): not yet in TypeScript's DOM library.
type TNavigateEvent = Event & { navigationType: "push" | "replace" | "reload" | "traverse"; cancelable: boolean; destination: { url: string } };
type TNavigation = EventTarget & { addEventListener(type: "navigate", listener: (event: TNavigateEvent) => void): void; removeEventListener(type: "navigate", listener: (event: TNavigateEvent) => void): void };

/**
 * Asks before the officer leaves an enrollment with unsaved input: closing or reloading the tab
 * (the browser's own question), following a link to another page of the console, and the
 * browser's Back and Forward within the console (the Navigation API lets a page cancel those;
 * a Back that leaves the console is a page unload, asked by the browser as above).
 */
export function LeaveGuard({ enrollmentId }: { enrollmentId: string }) {
  const t = useTranslations("sectionForm");
  const labels = useUnsavedLabels(enrollmentId);
  const question = t("leaveConfirm", { sections: labels.join(", ") });

  useEffect(() => {
    if (labels.length === 0) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ""; // older browsers ask only when this is set
    };
    // capture: before Next's Link handles the click and navigates
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === "_blank" || anchor.hasAttribute("download")) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin === window.location.origin && url.pathname === window.location.pathname && url.search === window.location.search) return; // a link within the page
      if (unsavedSections(enrollmentId).size === 0) return;
      if (window.confirm(question)) discardAllUnsaved();
      else {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    // Back/Forward between pages of the console never unloads the page: the navigation is asked instead
    const onNavigate = (event: TNavigateEvent) => {
      if (event.navigationType !== "traverse" || !event.cancelable || unsavedSections(enrollmentId).size === 0) return;
      const url = new URL(event.destination.url);
      if (url.pathname === window.location.pathname && url.search === window.location.search) return; // an anchor within the page
      if (window.confirm(question)) discardAllUnsaved();
      else event.preventDefault();
    };
    const navigation = (window as unknown as { navigation?: TNavigation }).navigation;
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    navigation?.addEventListener("navigate", onNavigate);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
      navigation?.removeEventListener("navigate", onNavigate);
    };
  }, [enrollmentId, labels.length, question]);

  return null;
}
