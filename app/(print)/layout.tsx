import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";

/** Pages meant for paper: no navigation, plain white, full width. */
export default function PrintLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto outline-none max-w-4xl bg-white px-6 py-6 print:max-w-none print:p-0">
      <ClientMessages namespaces={["app", "aml"]}>{children}</ClientMessages>
    </main>
  );
}
