"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { TQueueSla } from "@/lib/queue/list-enrollments";

/** Working minutes as "2 h 10 min", "45 min", "3 h". */
function useDuration() {
  const t = useTranslations("queue.sla");
  return (minutes: number) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours === 0) return t("m", { minutes: rest });
    return rest === 0 ? t("h", { hours }) : t("hm", { hours, minutes: rest });
  };
}

/** The queue's "Due" cell: business time left, overdue (by how much), or how the review ended. */
export function DueCell({ sla }: { sla: TQueueSla }) {
  const t = useTranslations("queue.sla");
  const format = useFormatter();
  const duration = useDuration();
  if (sla === null) return <span className="text-muted-foreground">—</span>;
  const title = format.dateTime(new Date(sla.dueAt), "moment");
  if (sla.kind !== "open") {
    return (
      <span className={sla.kind === "met" ? "text-muted-foreground" : "text-amber-900"} title={title}>
        {t(sla.kind)}
      </span>
    );
  }
  const { overdue } = sla;
  return (
    <time dateTime={sla.dueAt} title={title} data-testid="queue-due" data-overdue={overdue} className={overdue ? "font-medium text-danger" : undefined}>
      {overdue ? t("overdue", { time: duration(Math.abs(sla.minutesLeft)) }) : t("left", { time: duration(sla.minutesLeft) })}
    </time>
  );
}
