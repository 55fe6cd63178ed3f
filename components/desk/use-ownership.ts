"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { assignEnrollmentsAction } from "@/lib/desk/actions/assign-enrollments";
import { claimEnrollmentsAction } from "@/lib/desk/actions/claim-enrollments";
import { releaseEnrollmentsAction } from "@/lib/desk/actions/release-enrollments";
import type { TOwnershipResult } from "@/lib/desk/ownership-input";
import { queueKeys } from "@/lib/queue/query-keys";

/** Claim, release and assign, with the outcome as one sentence; the queue and the page refresh after a change. */
export function useOwnership() {
  const t = useTranslations("desk");
  const router = useRouter();
  const queryClient = useQueryClient();
  const claim = useAction(claimEnrollmentsAction);
  const release = useAction(releaseEnrollmentsAction);
  const assign = useAction(assignEnrollmentsAction);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const pending = claim.isPending || release.isPending || assign.isPending;

  const report = async (result: { data?: TOwnershipResult; serverError?: string; validationErrors?: unknown } | undefined) => {
    const data = result?.data;
    if (!data) setMessage({ tone: "error", text: result?.serverError ?? t("errors.failed") });
    else if (data.kind === "done") {
      setMessage({ tone: "ok", text: t("changed", { count: data.changed }) });
      await queryClient.invalidateQueries({ queryKey: queueKeys.all });
      router.refresh();
    } else if (data.kind === "taken" || data.kind === "notYours") setMessage({ tone: "error", text: t(`errors.${data.kind}`, { count: data.count }) });
    else setMessage({ tone: "error", text: t(`errors.${data.kind}`) });
    return data?.kind === "done";
  };

  return {
    pending,
    message,
    claim: async (enrollmentIds: string[]) => report(await claim.executeAsync({ enrollmentIds })),
    release: async (enrollmentIds: string[]) => report(await release.executeAsync({ enrollmentIds })),
    assign: async (enrollmentIds: string[], assigneeId: string) => report(await assign.executeAsync({ enrollmentIds, assigneeId })),
  };
}
