// AML queue filters as they travel in the URL; shared by the page, the CSV export and the query.
import { z } from "zod";
import { parseUrlFields, type TUrlParams } from "@/lib/http/url-fields";
import { withoutReversedRange, ZDay } from "@/lib/dates/day-range";
import { AMLYZE_RISK_LEVELS } from "@/lib/integrations/amlyze/schemas";
import { AML_STATES } from "./view";

export const AML_HIT_FILTERS = ["any", "none", "sanctions", "pep", "adverse_media", "internal_list"] as const;
export const AML_DECISION_FILTERS = ["ACCEPTED", "REJECTED", "none"] as const;
/** `priority` (the default) puts hits and HIGH/EXTREME risk first, then rejected or failed submissions. */
export const AML_SORTS = ["priority", "activity_desc", "activity_asc", "name_asc", "name_desc"] as const;
export type TAmlSort = (typeof AML_SORTS)[number];

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const ZAmlFilters = z.object({
  state: z.preprocess(emptyToUndefined, z.enum(AML_STATES).optional()),
  risk: z.preprocess(emptyToUndefined, z.enum(AMLYZE_RISK_LEVELS).optional()),
  hit: z.preprocess(emptyToUndefined, z.enum(AML_HIT_FILTERS).optional()),
  decision: z.preprocess(emptyToUndefined, z.enum(AML_DECISION_FILTERS).optional()),
  branch: z.preprocess(emptyToUndefined, z.string().trim().max(40).optional()),
  from: z.preprocess(emptyToUndefined, ZDay.optional()),
  to: z.preprocess(emptyToUndefined, ZDay.optional()),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  /** The search as an opaque token (lib/search/search-token.ts): `q` itself never goes in a URL. */
  qt: z.preprocess(emptyToUndefined, z.string().max(1000).optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(AML_SORTS).default("priority")),
  cursor: z.preprocess(emptyToUndefined, z.string().max(500).optional()),
});

export type TAmlFilters = z.infer<typeof ZAmlFilters>;

/** Reads filters from URL parameters; a bad parameter is dropped rather than failing the page. */
export function parseAmlFilters(params: TUrlParams): TAmlFilters {
  return withoutReversedRange(parseUrlFields(ZAmlFilters, params));
}

/** The URL query string for a set of filters (defaults left out, so URLs stay short). */
export function amlFiltersToSearch(filters: Partial<TAmlFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    // The search text may be a full document number: it travels as the token `qt` instead.
    if (key === "q" || value === undefined || value === "" || (key === "sort" && value === "priority")) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The keyset position after the last row shown: the sort columns' values, then the customer id. */
export type TAmlCursor = Array<string | number>;

export function encodeAmlCursor(values: TAmlCursor): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

const CURSOR_SHAPES: Record<TAmlSort, z.ZodType<TAmlCursor>> = {
  priority: z.tuple([z.int(), z.int(), z.iso.datetime(), z.string().max(64)]),
  activity_desc: z.tuple([z.iso.datetime(), z.string().max(64)]),
  activity_asc: z.tuple([z.iso.datetime(), z.string().max(64)]),
  name_asc: z.tuple([z.string().max(400), z.string().max(64)]),
  name_desc: z.tuple([z.string().max(400), z.string().max(64)]),
};

/** null for a missing cursor or one that does not fit the sort (the first page is shown). */
export function decodeAmlCursor(text: string | undefined, sort: TAmlSort): TAmlCursor | null {
  if (!text) return null;
  try {
    const parsed = CURSOR_SHAPES[sort].safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
