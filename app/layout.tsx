import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { QueryProvider } from "@/components/layout/query-provider";
import "./globals.css";

export const metadata: Metadata = { title: "Enrollment Console", robots: { index: false, follow: false } };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased">
        {/* The header's and the login page's; each section of the console adds its own. */}
        <ClientMessages namespaces={["app", "status", "login"]}>
          <QueryProvider>{children}</QueryProvider>
        </ClientMessages>
      </body>
    </html>
  );
}
