// What an open enrollment page says about its reader every few seconds (shared by the page and
// the route; no server imports).
import { z } from "zod";
import { SECTION_KEYS } from "@/lib/enrollment/field-table";

/** How often an open page says it is there, and how long after its last word it is gone. */
export const PRESENCE_INTERVAL_MS = 10_000;
export const PRESENCE_WINDOW_MS = 30_000;

export const ZPresenceInput = z.object({
  /** The sections holding this reader's unsaved input. */
  editing: z.array(z.enum(SECTION_KEYS)).max(SECTION_KEYS.length),
  /** The page is closing: forget this reader now rather than when the window lapses. */
  leaving: z.boolean().optional(),
  /**
   * When the page said it (its clock, ms since the epoch). Requests can arrive out of order (a
   * heartbeat in flight overtaken by the goodbye sent on closing): the later word wins.
   */
  at: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});
export type TPresenceInput = z.infer<typeof ZPresenceInput>;

/** Another reader of the enrollment, as the page shows them. */
export type TPresence = { name: string; editing: string[] };
