"use client";

import { useId, useState, type ReactNode } from "react";
import { cn } from "@/lib/utils";

/** Up to which width the panel folds away behind its button (Tailwind's breakpoints). */
type TFoldBelow = "md" | "lg";

// Literal class names, so that Tailwind sees them.
const BUTTON_HIDDEN: Record<TFoldBelow, string> = { md: "md:hidden", lg: "lg:hidden" };
const PANEL_FOLDED: Record<TFoldBelow, string> = { md: "max-md:hidden", lg: "max-lg:hidden" };

/**
 * A panel that narrow screens fold behind a button (the header's menu, a filter bar, the
 * enrollment's section menu) and wide screens always show, the button hidden. The button says
 * whether the panel is open (`aria-expanded`) and which it opens (`aria-controls`); Escape in the
 * panel folds it and gives the focus back to the button; a link followed in it folds it too.
 */
export function Collapsible({
  label,
  foldBelow = "md",
  icon,
  buttonClassName,
  className,
  children,
}: {
  label: ReactNode;
  foldBelow?: TFoldBelow;
  /** Drawn before the label (decorative). */
  icon?: ReactNode;
  buttonClassName?: string;
  /** The panel's own classes (its layout when shown). */
  className?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const buttonId = `${id}-button`;
  const panelId = `${id}-panel`;
  return (
    <>
      <button
        type="button"
        id={buttonId}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
        className={cn(
          "inline-flex h-9 items-center gap-2 rounded-md border border-border bg-white px-3 text-sm font-medium text-zinc-900 hover:bg-muted",
          BUTTON_HIDDEN[foldBelow],
          buttonClassName,
        )}
      >
        {icon}
        {label}
        <span aria-hidden="true" className={cn("text-xs transition-transform", open && "rotate-180")}>
          ▾
        </span>
      </button>
      <div
        id={panelId}
        className={cn(!open && PANEL_FOLDED[foldBelow], className)}
        onKeyDown={(event) => {
          if (event.key !== "Escape" || !open) return;
          setOpen(false);
          document.getElementById(buttonId)?.focus();
        }}
        onClick={(event) => {
          if (event.target instanceof Element && event.target.closest("a[href]")) setOpen(false);
        }}
      >
        {children}
      </div>
    </>
  );
}
