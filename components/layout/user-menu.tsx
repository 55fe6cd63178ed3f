"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { ThemeSwitch } from "@/components/layout/theme-switch";
import type { TTheme } from "@/lib/theme/theme";
import { cn } from "@/lib/utils";

/**
 * The signed-in user's menu: who they are, their password and two-factor pages, the colour theme.
 * A disclosure (button + panel): Escape or a click elsewhere closes it. In the header's folded
 * menu on a phone it opens in place; on a wide screen it drops down.
 */
export function UserMenu({ name, role, links, theme }: { name: string; role: string; links: Array<{ href: string; label: string }>; theme: TTheme }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const away = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);
  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !open) return;
        event.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
        className="flex items-center gap-1 rounded-md px-2 py-1.5 text-sm hover:bg-muted"
      >
        <span data-testid="current-user">
          <span translate="no">{name}</span> · <span className="text-muted-foreground">{role}</span>
        </span>
        <span aria-hidden="true" className={cn("text-xs transition-transform", open && "rotate-180")}>
          ▾
        </span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="z-20 mt-1 w-60 space-y-3 rounded-md border border-border bg-white p-3 lg:absolute lg:right-0 lg:top-full lg:shadow-lg"
        onClick={(event) => {
          if (event.target instanceof Element && event.target.closest("a[href]")) setOpen(false);
        }}
      >
        <ul className="space-y-1 text-sm">
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="block rounded-md px-2 py-1 hover:bg-muted">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
        <ThemeSwitch initial={theme} />
      </div>
    </div>
  );
}
