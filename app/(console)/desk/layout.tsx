import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";

/** The messages this section's client components read (see ClientMessages). */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["app", "deskDashboard"]}>{children}</ClientMessages>;
}
