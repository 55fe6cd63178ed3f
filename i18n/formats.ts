import type { Formats } from "next-intl";

// How the console writes a moment, one way per locale (issue 15.6): every timestamp on every page
// names one of these formats instead of spelling its own options, so the audit log, the history,
// the pipeline and the AML timeline read alike ("14 ene 2026, 10:32" / "Jan 14, 2026, 10:32 AM").
// Calendar dates that people type (a birth date, a product's open date, the date filters) are
// written as the forms take them, YYYY-MM-DD, and are not formatted.
export const FORMATS = {
  dateTime: {
    /** A moment, to the minute: when something was received, saved, requested. */
    moment: { dateStyle: "medium", timeStyle: "short" },
    /** A moment to the second, where close events are told apart: the audit log, attempts, AML events. */
    precise: { dateStyle: "medium", timeStyle: "medium" },
    /** The time of day alone, for "updated at" beside a live list. */
    time: { timeStyle: "medium" },
  },
} as const satisfies Formats;

export type TMomentFormat = keyof (typeof FORMATS)["dateTime"];

declare module "next-intl" {
  interface AppConfig {
    Formats: typeof FORMATS;
  }
}
