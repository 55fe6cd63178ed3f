// Identity document numbers are masked wherever compliance reads an enrollment, a diff or a
// recorded request; the full number is only shown on an explicit, audited click.
import type { TChange } from "@/lib/enrollment/diff";
import { maskIdentity } from "@/lib/intake/extract-columns";
import { IDENTITY_KEYS, isIdentityPath } from "@/lib/pii/identities";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const maskScalar = (value: unknown) => (value === null || value === undefined || value === "" ? value : maskIdentity(String(value)));

/** A copy of `value` with every document number masked, however deep. */
export function maskDocumentNumbers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskDocumentNumbers);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, IDENTITY_KEYS.has(key) && !isRecord(child) && !Array.isArray(child) ? maskScalar(child) : maskDocumentNumbers(child)]));
}

/** A diff entry with its document numbers masked (a path ending in one, or inside an object). */
export function maskChange(change: TChange): TChange {
  if (isIdentityPath(change.path)) return { ...change, old: maskScalar(change.old), new: maskScalar(change.new) };
  return { ...change, old: maskDocumentNumbers(change.old), new: maskDocumentNumbers(change.new) };
}

/** A recorded JSON body, masked and indented for reading; text that is not JSON is kept as it is. */
export function maskJsonText(text: string | null): string | null {
  if (text === null) return null;
  try {
    return JSON.stringify(maskDocumentNumbers(JSON.parse(text)), null, 2);
  } catch {
    return text;
  }
}
