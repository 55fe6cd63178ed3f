"use client";

import { useEffect } from "react";
import { SkipLink } from "@/components/layout/skip-link";
import "./globals.css";

// The root layout itself failed, so no message provider is there: the few words are here, in
// both languages, chosen by the language cookie (i18n/locales.ts).
const TEXT = {
  en: { skip: "Skip to content", title: "The console could not be shown.", hint: "Something went wrong while showing it. Try again; if it keeps happening, reload the page.", retry: "Try again", reload: "Reload the page" },
  es: { skip: "Saltar al contenido", title: "No se pudo mostrar la consola.", hint: "Algo falló al mostrarla. Vuelva a intentarlo; si sigue ocurriendo, recargue la página.", retry: "Reintentar", reload: "Recargar la página" },
} as const;

function readLocale(): keyof typeof TEXT {
  if (typeof document === "undefined") return "en";
  return /(?:^|;\s*)console_locale=es(?:;|$)/.test(document.cookie) ? "es" : "en";
}

export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const locale = readLocale();
  const text = TEXT[locale];
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased">
        <SkipLink label={text.skip} />
        <main id="main" tabIndex={-1} className="mx-auto max-w-xl space-y-3 p-8 outline-none" role="alert">
          <h1 className="text-xl font-semibold">{text.title}</h1>
          <p className="text-sm">{text.hint}</p>
          <div className="flex gap-3">
            <button type="button" className="rounded-md bg-brand px-3 py-2 text-sm text-brand-foreground" onClick={() => retry()}>
              {text.retry}
            </button>
            <button type="button" className="rounded-md border border-border px-3 py-2 text-sm" onClick={() => window.location.reload()}>
              {text.reload}
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
