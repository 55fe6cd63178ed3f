import { Slot } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const VARIANTS = {
  primary: "bg-brand text-brand-foreground hover:bg-blue-800",
  secondary: "border border-border bg-white text-zinc-900 hover:bg-muted",
  ghost: "text-zinc-700 hover:bg-muted",
} as const;

export function Button({
  className,
  variant = "primary",
  asChild = false,
  ...props
}: ComponentProps<"button"> & { variant?: keyof typeof VARIANTS; asChild?: boolean }) {
  const Component = asChild ? Slot.Root : "button";
  return (
    <Component
      className={cn(
        "inline-flex h-9 items-center justify-center gap-2 rounded-md px-3 text-sm font-medium transition-colors disabled:pointer-events-none disabled:opacity-50",
        VARIANTS[variant],
        className,
      )}
      {...props}
    />
  );
}
