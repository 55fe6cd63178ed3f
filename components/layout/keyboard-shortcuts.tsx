"use client";

import { useTranslations } from "next-intl";
import { Dialog } from "radix-ui";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * The console's keyboard shortcuts. They act on what the page marks, so each page opts in without
 * code of its own: `/` focuses `[data-shortcut="search"]`, `j`/`k` move through
 * `[data-shortcut-row]` (focusing the row's link, which Enter opens), `n` presses
 * `[data-shortcut="next"]` (Next enrollment), `?` opens this help. Keys typed into a field, or
 * with Ctrl, Alt or Cmd, are the field's and the browser's.
 */
export const SHORTCUTS = [
  { keys: ["/"], action: "search" },
  { keys: ["j", "k"], action: "rows" },
  { keys: ["Enter"], action: "open" },
  { keys: ["n"], action: "next" },
  { keys: ["?"], action: "help" },
] as const;

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function moveRow(step: 1 | -1) {
  const rows = [...document.querySelectorAll<HTMLElement>("[data-shortcut-row]")].filter((row) => row.offsetParent !== null);
  if (rows.length === 0) return;
  const current = rows.findIndex((row) => row.contains(document.activeElement));
  const index = current === -1 ? (step === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, current + step));
  const row = rows[index]!;
  (row.querySelector<HTMLElement>("a[href]") ?? row).focus();
  row.scrollIntoView({ block: "nearest" });
}

export function KeyboardShortcuts() {
  const t = useTranslations("shortcuts");
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      // an open dialog (this help, a confirmation) keeps its keys
      if (document.querySelector("[role=dialog], [role=alertdialog]")) return;
      const act = (run: () => void) => {
        event.preventDefault();
        run();
      };
      switch (event.key) {
        case "/": {
          const search = document.querySelector<HTMLElement>('[data-shortcut="search"]');
          if (search) act(() => search.focus());
          return;
        }
        case "j":
          return act(() => moveRow(1));
        case "k":
          return act(() => moveRow(-1));
        case "n": {
          const next = document.querySelector<HTMLButtonElement>('[data-shortcut="next"]');
          if (next && !next.disabled) act(() => next.click());
          return;
        }
        case "?":
          return act(() => setHelp(true));
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <Dialog.Root open={help} onOpenChange={setHelp}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-5 shadow-xl focus:outline-none">
          <Dialog.Title className="text-lg font-semibold">{t("title")}</Dialog.Title>
          <Dialog.Description className="text-sm text-muted-foreground">{t("description")}</Dialog.Description>
          <table className="w-full text-sm">
            <tbody>
              {SHORTCUTS.map((shortcut) => (
                <tr key={shortcut.action} className="border-t border-border">
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    {shortcut.keys.map((key, index) => (
                      <span key={key}>
                        {index > 0 && " / "}
                        <kbd className="rounded border border-border bg-zinc-50 px-1.5 py-0.5 font-mono text-xs">{key}</kbd>
                      </span>
                    ))}
                  </th>
                  <td className="py-2">{t(`actions.${shortcut.action}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flex justify-end">
            <Dialog.Close asChild>
              <Button variant="secondary">{t("close")}</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
