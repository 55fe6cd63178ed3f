"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { THEME_COOKIE, THEME_COOKIE_MAX_AGE, THEMES, themeClass, type TTheme } from "@/lib/theme/theme";

/** System / Light / Dark: the cookie for the next page the server renders, the class for this one. */
export function ThemeSwitch({ initial }: { initial: TTheme }) {
  const t = useTranslations("app.theme");
  const [theme, setTheme] = useState(initial);
  const choose = (next: TTheme) => {
    setTheme(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${THEME_COOKIE_MAX_AGE}; samesite=lax`;
    const root = document.documentElement;
    root.classList.remove(...THEMES);
    const className = themeClass(next);
    if (className) root.classList.add(className);
  };
  return (
    <fieldset className="space-y-1">
      <legend className="text-xs font-medium text-muted-foreground">{t("label")}</legend>
      <div className="flex gap-1">
        {THEMES.map((option) => (
          <label
            key={option}
            className="flex cursor-pointer items-center gap-1 rounded-md border border-border px-2 py-1 text-sm has-checked:border-brand has-checked:bg-muted has-focus-visible:outline-2 has-focus-visible:outline-brand"
          >
            <input type="radio" name="theme" value={option} checked={theme === option} onChange={() => choose(option)} className="sr-only" />
            {t(option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
