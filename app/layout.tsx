import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { QueryProvider } from "@/components/layout/query-provider";
import { SkipLink } from "@/components/layout/skip-link";
import "./globals.css";

export const metadata: Metadata = { title: "Enrollment Console", robots: { index: false, follow: false } };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("app")]);
  return (
    <html lang={locale}>
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
