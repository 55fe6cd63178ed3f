import type { ChangeEvent, ComponentProps } from "react";
import { cn } from "@/lib/utils";

/**
 * Upper-cases what was typed in the input itself, before any change handler reads it, keeping
 * the caret where it was. Not during an IME composition, which the change would break.
 */
function upperCaseInPlace(event: ChangeEvent<HTMLInputElement>) {
  const input = event.currentTarget;
  if ((event.nativeEvent as InputEvent).isComposing) return;
  const upper = input.value.toUpperCase();
  if (upper === input.value) return;
  const { selectionStart, selectionEnd } = input;
  const sameLength = upper.length === input.value.length;
  input.value = upper;
  if (sameLength && selectionStart !== null && selectionEnd !== null) input.setSelectionRange(selectionStart, selectionEnd);
}

type TInputProps = ComponentProps<"input"> & {
  /**
   * An upper-case-only value (a code): what is typed is stored upper case, as it is shown — the
   * value itself, not a CSS text-transform, which would show `ZZ9` and submit `zz9`.
   */
  upperCase?: boolean;
};

export function Input({ className, upperCase, onChange, ...props }: TInputProps) {
  return (
    <input
      className={cn(
        "h-9 w-full rounded-md border border-border bg-white px-3 text-sm text-zinc-900 placeholder:text-zinc-500 aria-invalid:border-danger",
        className,
      )}
      onChange={
        upperCase
          ? (event) => {
              upperCaseInPlace(event);
              onChange?.(event);
            }
          : onChange
      }
      {...(upperCase ? { autoCapitalize: "characters", spellCheck: false } : {})}
      {...props}
    />
  );
}

export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn("h-9 w-full rounded-md border border-border bg-white px-2 text-sm text-zinc-900", className)}
      {...props}
    />
  );
}
