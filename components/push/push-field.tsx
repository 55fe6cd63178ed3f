"use client";

import type { ComponentProps, ReactNode } from "react";
import { useTranslations } from "next-intl";
import { get, useFormContext, useFormState, type RegisterOptions } from "react-hook-form";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { translatePushIssue } from "./issue-messages";

/** DOM id of a push form field: `products.0.openDate` → `pf-products-0-openDate`. */
export const pushFieldId = (name: string): string => `pf-${name.split(".").join("-")}`;

/** The message of an error set on this very name (not on a field inside it), in the user's language. */
export function useOwnError(name: string): string | null {
  const t = useTranslations("push");
  const { errors } = useFormState({ name });
  const message = (get(errors, name) as { message?: unknown } | undefined)?.message;
  return typeof message === "string" && message !== "" ? translatePushIssue(t, message) : null;
}

type TFieldProps = {
  name: string;
  /** Prefix of the DOM id when the same form appears more than once on the page. */
  scope?: string;
  label: string;
  hint?: string;
  required?: boolean;
  options?: RegisterOptions;
};

const domId = (name: string, scope: string | undefined) => pushFieldId(scope ? `${scope}.${name}` : name);

function FieldShell({ name, scope, label, hint, required, error, children }: Omit<TFieldProps, "options"> & { error: string | null; children: ReactNode }) {
  const id = domId(name, scope);
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>
        {label}
        {required && (
          <span aria-hidden="true" className="ml-0.5 text-danger">
            *
          </span>
        )}
      </Label>
      {children}
      {hint && (
        <p id={`${id}-desc`} className="text-xs text-muted-foreground">
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

function describedBy(id: string, hint: string | undefined, error: string | null): string | undefined {
  const ids = [hint ? `${id}-desc` : null, error ? `${id}-error` : null].filter((part) => part !== null);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** A labelled text input of the push form, with its hint and its error. */
export function PushTextField({ name, scope, label, hint, required, options, ...input }: TFieldProps & Omit<ComponentProps<"input">, "name">) {
  const { register } = useFormContext();
  const error = useOwnError(name);
  const id = domId(name, scope);
  return (
    <FieldShell name={name} scope={scope} label={label} hint={hint} required={required} error={error}>
      <Input
        id={id}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
        {...register(name, options)}
      />
    </FieldShell>
  );
}

/** A labelled select of the push form, with its hint and its error. */
export function PushSelectField({ name, scope, label, hint, required, options, children }: TFieldProps & { children: ReactNode }) {
  const { register } = useFormContext();
  const error = useOwnError(name);
  const id = domId(name, scope);
  return (
    <FieldShell name={name} scope={scope} label={label} hint={hint} required={required} error={error}>
      <NativeSelect
        id={id}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="aria-invalid:border-danger"
        {...register(name, options)}
      >
        {children}
      </NativeSelect>
    </FieldShell>
  );
}
