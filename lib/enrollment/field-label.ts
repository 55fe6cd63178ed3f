// How a person reads a payload path: the field table's labels in their language, with the
// section first ("Contact · Email", "Documents · 2 · Document number"), and where the field
// is on the enrollment page. Every place that names a field (the push gate, the history,
// "changes since received", the push confirmation, the form's error summary) asks here.
import { findField, SECTIONS, type TSectionKey } from "./field-table";

export type TLabelLocale = "en" | "es";

export const toLabelLocale = (locale: string): TLabelLocale => (locale === "es" ? "es" : "en");

/** A field as people read it: its words, and the id of its control (or read-only value) on the page. */
export type TFieldLabel = { text: string; anchor: string };

/** `client_documents[1].number` and `client_documents.1.number` alike → ["client_documents", "1", "number"]. */
export function pathSegments(path: string): string[] {
  return path
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter((segment) => segment !== "");
}

/** The DOM id the section forms (and the read-only view) give a field: `f-client_documents-1-main`. */
export const fieldAnchor = (path: string): string => `f-${pathSegments(path).join("-")}`;

const isIndex = (segment: string) => /^\d+$/.test(segment);

/**
 * The label of a payload path in `locale`. Array rows are counted from 1; a key the field table
 * does not know (kept from intake, CONTRACTS.md §1) is named by the key itself.
 */
export function fieldLabel(path: string, locale: TLabelLocale): TFieldLabel {
  const [first, ...rest] = pathSegments(path);
  const section = SECTIONS.find((spec) => spec.key === first);
  if (!section) return { text: path, anchor: fieldAnchor(path) };
  const parts = [section.label[locale]];
  const tablePath: string[] = [];
  for (const segment of rest) {
    if (isIndex(segment)) {
      parts.push(String(Number(segment) + 1));
      continue;
    }
    tablePath.push(segment);
    parts.push(findField(section.key as TSectionKey, tablePath.join("."))?.label[locale] ?? segment);
  }
  // the section itself (an issue on the whole section) is anchored on its <section>
  return { text: parts.join(" · "), anchor: rest.length === 0 ? section.key : fieldAnchor(path) };
}
