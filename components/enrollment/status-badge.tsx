import { useTranslations } from "next-intl";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import type { TEnrollmentStatus } from "@/lib/queue/queue-filters";

const TONE: Record<TEnrollmentStatus, TBadgeTone> = {
  received: "info",
  in_review: "neutral",
  ready: "success",
  pushing: "info",
  pushed: "success",
  failed: "danger",
  needs_reconciliation: "warning",
  customer_saved: "warning",
  update_pending: "info",
};

export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("status");
  const known = status in TONE ? (status as TEnrollmentStatus) : null;
  return <Badge tone={known ? TONE[known] : "neutral"}>{known ? t(known) : status}</Badge>;
}
