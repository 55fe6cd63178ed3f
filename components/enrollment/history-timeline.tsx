import { useFormatter, useTranslations } from "next-intl";
import { ChangeList } from "@/components/enrollment/change-list";
import type { TRevisionEntry } from "@/lib/enrollment/get-history";

export function HistoryTimeline({ revisions, receivedAt }: { revisions: TRevisionEntry[]; receivedAt: Date }) {
  const t = useTranslations("enrollment");
  const format = useFormatter();
  return (
    <ol className="space-y-4 border-l border-border pl-4" data-testid="history">
      {revisions.map((revision) => (
        <li key={revision.version}>
          <p className="text-sm font-medium">
            {t("historyEntry", {
              who: revision.actorLabel,
              section: t(`section.${revision.section}`),
              version: revision.version,
            })}{" "}
            <time className="font-normal text-muted-foreground" dateTime={revision.at.toISOString()}>
              {format.dateTime(revision.at, { dateStyle: "medium", timeStyle: "short" })}
            </time>
          </p>
          <ChangeList changes={revision.changes} />
        </li>
      ))}
      <li>
        <p className="text-sm font-medium">
          {t("historyReceived")}{" "}
          <time className="font-normal text-muted-foreground" dateTime={receivedAt.toISOString()}>
            {format.dateTime(receivedAt, { dateStyle: "medium", timeStyle: "short" })}
          </time>
        </p>
      </li>
    </ol>
  );
}
