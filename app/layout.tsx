import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { QueryProvider } from "@/components/layout/query-provider";
import { SkipLink } from "@/components/layout/skip-link";
import { THEME_COOKIE, themeClass, themeFrom } from "@/lib/theme/theme";
import "./globals.css";

export const metadata: Metadata = { title: "Enrollment Console", robots: { index: false, follow: false } };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, cookieStore] = await Promise.all([getLocale(), getTranslations("app"), cookies()]);
  // The chosen theme's class, rendered by the server: the first paint is already in that theme.
  return (
    <html lang={locale} className={themeClass(themeFrom(cookieStore.get(THEME_COOKIE)?.value))}>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased">
        <SkipLink label={t("skipToContent")} />
        {/* The header's and the login page's; each section of the console adds its own. */}
        <ClientMessages namespaces={["app", "status", "login"]}>
          <QueryProvider>{children}</QueryProvider>
        </ClientMessages>
      </body>
    </html>
  );
}
