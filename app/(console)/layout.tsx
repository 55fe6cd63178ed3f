import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { ConsoleHeader } from "@/components/layout/console-header";
import { KeyboardShortcuts } from "@/components/layout/keyboard-shortcuts";
import { WorkerBanner } from "@/components/layout/worker-banner";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { workerLiveness } from "@/lib/jobs/worker-liveness";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  // One indexed query per page, only for those who push or can fix the worker.
  const liveness = !user.pending && can(user.role, "worker:status") ? await workerLiveness(prisma, { staleSeconds: env().WORKER_STALE_SECONDS }) : null;
  return (
    <div className="min-h-screen">
      <ConsoleHeader user={user} />
      {liveness && (
        <ClientMessages namespaces={["worker"]}>
          <WorkerBanner initial={liveness} readAt={Date.now()} />
        </ClientMessages>
      )}
      <ClientMessages namespaces={["shortcuts"]}>
        <KeyboardShortcuts />
      </ClientMessages>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 outline-none">{children}</main>
    </div>
  );
}
