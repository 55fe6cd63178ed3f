// The kinds of notification and what each one carries to be rendered (ids, codes, numbers; never
// identity numbers nor free text), and where each one sends its reader to act. Pure, for the browser.

export const NOTIFICATION_KINDS = [
  "assigned",
  "mentioned",
  "push_failed",
  "push_needs_reconciliation",
  "four_eyes_awaiting",
  "aml_hit",
  "sla_breached",
  "sla_escalated",
] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const isNotificationKind = (value: string): value is TNotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(value);

/** What a notification stores to be rendered: all optional, each kind uses its own. */
export type TNotificationParams = {
  /** The enrollment's wisenroll code (or null when it has none). */
  code?: string | null;
  /** The user who caused it (assigned, mentioned, asked for the four-eyes push). */
  byId?: string | null;
  /** The push's sequence number. */
  pushSeq?: number;
  /** The note that mentions the reader. */
  noteId?: string;
  /** The AML customer (its customer number in the core) and the screening list that hit. */
  customerExtId?: string;
  list?: string;
};

/** A notification as the bell and the page show it: rendered by kind, with the names resolved. */
export type TNotificationItem = {
  id: string;
  kind: TNotificationKind;
  /** The enrollment's code, or its id's first characters when it has none. */
  code: string;
  /** Who caused it, by display name (user data: shown translate="no"). */
  byName: string | null;
  list: string | null;
  href: string;
  at: string;
  read: boolean;
};

/** Where the reader acts on it: the enrollment's page, its push part, or the AML customer page. */
export function notificationHref(
  notification: { kind: TNotificationKind; enrollmentId: string | null; params: TNotificationParams },
  reader: { mayReadAml: boolean },
): string {
  const enrollment = notification.enrollmentId ? `/enrollments/${notification.enrollmentId}` : "/queue";
  switch (notification.kind) {
    case "mentioned":
      return `${enrollment}#history`;
    case "push_failed":
    case "push_needs_reconciliation":
    case "four_eyes_awaiting":
      return `${enrollment}#push-gate-title`;
    case "aml_hit":
      // Officers do not read the AML pages: they see the AML block of the enrollment.
      return reader.mayReadAml && notification.params.customerExtId ? `/aml/customers/${encodeURIComponent(notification.params.customerExtId)}` : `${enrollment}#aml`;
    default:
      return enrollment;
  }
}
