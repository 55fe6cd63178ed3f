import type { ReactNode } from "react";
import { Label } from "@/components/ui/label";

/**
 * A labelled control with its hint and its error, wired for assistive technology: the control
 * gets `id`, `aria-describedby` and `aria-invalid` through the render prop.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Marks the label with a visual asterisk and the control with aria-required. */
  required?: boolean;
  children: (control: { id: string; "aria-describedby"?: string; "aria-invalid": boolean; "aria-required"?: boolean }) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      {/* block: a label is inline, and a control narrower than the line (a six-digit code) would sit beside it */}
      <Label htmlFor={id} className="block">
        {label}
        {required && (
          <span aria-hidden="true" className="ml-0.5 text-danger">
            *
          </span>
        )}
      </Label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": Boolean(error), ...(required ? { "aria-required": true } : {}) })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
