"use client";

import { useLocale, useTranslations } from "next-intl";
import { useFormState } from "react-hook-form";
import { fieldLabel } from "@/lib/enrollment/field-label";
import type { TSectionKey } from "@/lib/enrollment/field-table";
import { toFormLocale } from "./code-lists";
import { translateIssue } from "./issue-messages";
import { fieldId, flattenErrors, tablePathOf } from "./paths";

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
          const isRoot = item.path === "root" || item.path.startsWith("root.");
          const label = tablePathOf(section, item.path) === "" ? null : fieldLabel(item.path, locale).text;
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
