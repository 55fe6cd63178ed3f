import { useFormatter, useTranslations } from "next-intl";
import { ChangeList } from "@/components/enrollment/change-list";
import type { TPushHistoryEntry, TRevisionEntry } from "@/lib/enrollment/get-history";
import { noteParts } from "@/lib/notes/note-input";
import type { TNote } from "@/lib/notes/notes";

type TEntry = { at: Date; key: string } & ({ kind: "revision"; revision: TRevisionEntry } | { kind: "note"; note: TNote } | { kind: "push"; push: TPushHistoryEntry });

/** Saves, notes and pushes of one enrollment, newest first, down to its arrival. */
export function HistoryTimeline({ revisions, notes, pushes, receivedAt }: { revisions: TRevisionEntry[]; notes: TNote[]; pushes: TPushHistoryEntry[]; receivedAt: Date }) {
  const t = useTranslations("enrollment");
  const format = useFormatter();
  const entries: TEntry[] = [
    ...revisions.map((revision) => ({ kind: "revision" as const, at: revision.at, key: `r${revision.version}`, revision })),
    ...notes.map((note) => ({ kind: "note" as const, at: note.at, key: `n${note.id}`, note })),
    ...pushes.map((push, index) => ({ kind: "push" as const, at: push.at, key: `p${index}`, push })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  const time = (at: Date) => (
    <time className="font-normal text-muted-foreground" dateTime={at.toISOString()}>
      {format.dateTime(at, "moment")}
    </time>
  );
  const pushLine = (push: TPushHistoryEntry) => {
    const seq = push.pushSeq ?? "—";
    switch (push.action) {
      case "enrollment.push_requested":
        return t("historyPushRequested", { who: push.who ?? "—", seq, products: push.products.length === 0 ? "none" : push.products.join(", ") });
      case "core.customer_saved":
        return t("historyCustomerSaved", { seq });
      case "core.customer_rejected":
        return t("historyCustomerRejected", { seq, status: push.status ?? "—" });
      case "core.customer_failed":
        return t("historyCustomerFailed", { seq, attempts: push.attempt ?? "—" });
    }
  };
  return (
    <ol className="space-y-4 border-l border-border pl-4" data-testid="history">
      {entries.map((entry) => (
        <li key={entry.key} data-kind={entry.kind}>
          {entry.kind === "revision" && (
            <>
              <p className="text-sm font-medium">
                {t("historyEntry", { who: entry.revision.who, section: t(`section.${entry.revision.section}`), version: entry.revision.version })} {time(entry.at)}
              </p>
              <ChangeList changes={entry.revision.changes} />
            </>
          )}
          {entry.kind === "note" && (
            <>
              <p className="text-sm font-medium">
                {t("historyNote", { who: entry.note.author })} {time(entry.at)}
              </p>
              <p className="mt-1 whitespace-pre-line rounded-md bg-muted p-2 text-sm" data-testid="note-body" translate="no">
                {noteParts(entry.note.body).map((part, index) => {
                  if ("text" in part) return part.text;
                  const user = entry.note.mentions.find((mention) => mention.username === part.mention);
                  return user ? (
                    <span key={index} className="font-medium text-brand" title={user.name}>
                      @{part.mention}
                    </span>
                  ) : (
                    `@${part.mention}`
                  );
                })}
              </p>
            </>
          )}
          {entry.kind === "push" && (
            <p className="text-sm font-medium">
              {pushLine(entry.push)} {time(entry.at)}
            </p>
          )}
        </li>
      ))}
      <li>
        <p className="text-sm font-medium">
          {t("historyReceived")} {time(receivedAt)}
        </p>
      </li>
    </ol>
  );
}
