"use client";

import type { ComponentProps, ReactNode } from "react";
import { useTranslations } from "next-intl";
import { get, useFormContext, useFormState, type RegisterOptions } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
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
  /** An error the form's schema cannot know (a lookup's answer), shown when the field has none of its own. */
  extraError?: string | null;
};

const domId = (name: string, scope: string | undefined) => pushFieldId(scope ? `${scope}.${name}` : name);

/** A labelled text input of the push form, with its hint and its error. */
export function PushTextField({ name, scope, label, hint, required, options, extraError, ...input }: TFieldProps & Omit<ComponentProps<typeof Input>, "name">) {
  const { register } = useFormContext();
  const error = useOwnError(name) ?? extraError ?? null;
  return (
    <FormField id={domId(name, scope)} label={label} hint={hint} error={error} required={required}>
      {(control) => <Input autoComplete="off" {...control} {...input} {...register(name, options)} />}
    </FormField>
  );
}

/** A labelled select of the push form, with its hint and its error. */
export function PushSelectField({ name, scope, label, hint, required, options, children }: TFieldProps & { children: ReactNode }) {
  const { register } = useFormContext();
  const error = useOwnError(name);
  return (
    <FormField id={domId(name, scope)} label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <NativeSelect className="aria-invalid:border-danger" {...control} {...register(name, options)}>
          {children}
        </NativeSelect>
      )}
    </FormField>
  );
}
