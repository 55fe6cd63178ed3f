"use client";

import { useLocale, useTranslations } from "next-intl";
import { useFormState } from "react-hook-form";
import { findField, type TSectionKey } from "@/lib/enrollment/field-table";
import { toFormLocale, type TFormLocale } from "./code-lists";
import { translateIssue } from "./issue-messages";
import { fieldId, flattenErrors, rowIndexOf, tablePathOf } from "./paths";

/** Field label of a form name, with its object and document row: "Document 2 · Issuing country". */
function labelOf(section: TSectionKey, path: string, locale: TFormLocale, rowLabel: (n: number) => string): string | null {
  const tablePath = tablePathOf(section, path);
  if (tablePath === "") return null;
  const parts: string[] = [];
  const row = rowIndexOf(section, path);
  if (row !== null) parts.push(rowLabel(row + 1));
  const segments = tablePath.split(".");
  for (let i = 1; i <= segments.length; i++) {
    const spec = findField(section, segments.slice(0, i).join("."));
    if (spec) parts.push(spec.label[locale]);
  }
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** Moves focus to the control of a form name (or the first control inside its fieldset). */
function focusPath(path: string) {
  const element = document.getElementById(fieldId(path));
  const target = element?.matches("input, select, textarea, button") ? element : element?.querySelector<HTMLElement>("input, select, textarea, button");
  target?.focus();
  target?.scrollIntoView({ block: "center" });
}

/** Every problem of the section, each linking to its field; shown on load and after a failed save. */
export function ErrorSummary({ section }: { section: TSectionKey }) {
  const t = useTranslations("sectionForm");
  const locale = toFormLocale(useLocale());
  const { errors } = useFormState();
  // the server's own error is shown as an alert beside the Save button
  const items = flattenErrors(errors).filter((item) => item.path !== "root.serverError");
  if (items.length === 0) return null;
  const headingId = `${fieldId(section)}-summary`;
  return (
    <div aria-labelledby={headingId} role="group" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm">
      <p id={headingId} className="font-medium text-danger">
        {t("errorSummary", { count: items.length })}
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {items.map((item) => {
          const label = labelOf(section, item.path, locale, (n) => t("document", { n }));
          const isRoot = item.path === "root" || item.path.startsWith("root.");
          return (
            <li key={`${item.path}:${item.message}`} className="whitespace-pre-line">
              {isRoot || label === null ? (
                translateIssue(t, item.message)
              ) : (
                <a
                  href={`#${fieldId(item.path)}`}
                  className="text-danger underline"
                  onClick={(event) => {
                    event.preventDefault();
                    focusPath(item.path);
                  }}
                >
                  {label}: {translateIssue(t, item.message)}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
