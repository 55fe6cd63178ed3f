"use client";

import { createContext, useContext } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { isNoValue, isRecord } from "./paths";
import type { TFieldConflict } from "./merge";

type TFieldConflicts = {
  conflicts: readonly TFieldConflict[];
  /** Who saved the section last (display name), to name the other value's author. */
  by: string | null;
  keepMine: (path: string) => void;
  takeTheirs: (path: string) => void;
};

const FieldConflictsContext = createContext<TFieldConflicts>({ conflicts: [], by: null, keepMine: () => undefined, takeTheirs: () => undefined });

export const FieldConflictsProvider = FieldConflictsContext.Provider;

/** How the other value reads: the text itself, or what became of an object or list. */
function useDescribe() {
  const t = useTranslations("sectionForm");
  return (value: unknown): string => {
    if (isNoValue(value)) return t("theirsEmpty");
    if (Array.isArray(value)) return t("theirsRows", { count: value.length });
    if (isRecord(value)) return t("theirsPresent");
    return String(value);
  };
}

/**
 * Under a field (or object, or list) the officer changed while someone saved another value of
 * it: both values, and the choice. The officer's value stays in the field until they choose.
 */
export function ConflictChoice({ path }: { path: string }) {
  const t = useTranslations("sectionForm");
  const describe = useDescribe();
  const { conflicts, by, keepMine, takeTheirs } = useContext(FieldConflictsContext);
  const conflict = conflicts.find((candidate) => candidate.path === path);
  if (!conflict) return null;
  const theirs = describe(conflict.theirs);
  return (
    <div role="group" aria-label={t("conflictChoiceLabel")} data-conflict={path} className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
      <p>{by ? t("theirsBy", { name: by, value: theirs }) : t("theirs", { value: theirs })}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" className="h-8" onClick={() => keepMine(path)}>
          {t("keepMine")}
        </Button>
        <Button type="button" variant="secondary" className="h-8" onClick={() => takeTheirs(path)}>
          {t("takeTheirs")}
        </Button>
      </div>
    </div>
  );
}
