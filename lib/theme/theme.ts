/**
 * The colour theme a browser asked for: "system" follows the operating system's
 * `prefers-color-scheme`; "light" and "dark" hold whatever it says. Kept in a cookie (per browser,
 * not per user) so the server renders the page's `<html>` with its class at once: no flash of the
 * other theme before a script runs. The colours themselves are in app/globals.css.
 */
export const THEMES = ["system", "light", "dark"] as const;
export type TTheme = (typeof THEMES)[number];

export const THEME_COOKIE = "theme";
/** A year: the choice is remembered until the browser forgets its cookies. */
export const THEME_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export const isTheme = (value: unknown): value is TTheme => typeof value === "string" && (THEMES as readonly string[]).includes(value);

/** What the cookie holds, read as a theme (anything else is "system"). */
export const themeFrom = (cookie: string | undefined): TTheme => (isTheme(cookie) ? cookie : "system");

/** The class on `<html>`: none for "system", where the media query decides. */
export const themeClass = (theme: TTheme): string | undefined => (theme === "system" ? undefined : theme);
