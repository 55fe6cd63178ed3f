import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { FORMATS } from "@/i18n/formats";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "@/i18n/locales";

// The language is a user preference: saved on the user and mirrored in a cookie so that the
// login page, before anyone is signed in, speaks it too.
// `now` is the request's: the client components get it with their messages, so a relative time
// ("3 minutes ago") hydrates as the server rendered it whatever the browser's clock says (React
// error #418 otherwise). The time zone is the server's too (next-intl's default, passed along),
// and so are the named date formats (i18n/formats.ts).
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  return { locale, now: new Date(), formats: FORMATS, messages: (await import(`../messages/${locale}.json`)).default };
});
