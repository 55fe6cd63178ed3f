// Pure helpers that keep an officer's unsaved input when the stored section changes under the
// form (their own save of another section, a colleague's save, a periodic refresh). The form
// remembers its base: the stored section its values started from. A field differing from the
// base is the officer's unsaved input and is never overwritten; a field equal to it follows the
// stored value. Where both the officer and the stored value moved apart, the form keeps the
// officer's value and names the field as a conflict, for the officer to choose.
import { fieldsOf, type TFieldSpec, type TSectionKey } from "@/lib/enrollment/field-table";
import { getIn, isArraySection, isNoValue, isRecord, type TFormValues } from "./paths";

/** A field whose stored value changed while the officer had it changed too: theirs is the stored one. */
export type TFieldConflict = { path: string; theirs: unknown };

/**
 * Equal as the officer sees them: every "no value" is one (missing, null, ""), a number equals
 * its text ("4000" and 4000 show the same), objects and lists compare member by member.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isNoValue(a) && isNoValue(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameValue(item, b[index]));
  }
  if (isRecord(a) || isRecord(b)) {
    if (!isRecord(a) || !isRecord(b)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  if (isNoValue(a) || isNoValue(b)) return false;
  return String(a) === String(b);
}

/** Writes `value` at a dotted path (a number step indexes a list), creating the objects on the way. */
export function setIn(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (!isRecord(node[key]) && !Array.isArray(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/**
 * The units an officer edits in a section, as form names: every table field, objects included
 * (an object's own unit is whether it is there at all: Add and Remove). For a list section, each
 * field of each row when its rows are matched one to one (`rows`: their count), else the whole
 * list (rows were added, removed or moved, and a row's fields cannot be told apart from another's).
 */
function unitsOf(section: TSectionKey, rows: number | null = null): { path: string; spec: TFieldSpec | null }[] {
  if (isArraySection(section) && rows === null) return [{ path: section, spec: null }];
  // objects before what they hold, so an object kept whole is not then split field by field
  const depth = (spec: TFieldSpec) => spec.path.split(".").length;
  const fields = [...fieldsOf(section)].sort((a, b) => depth(a) - depth(b));
  if (rows === null) return fields.map((spec) => ({ path: `${section}.${spec.path}`, spec }));
  return Array.from({ length: rows }, (_, row) => fields.map((spec) => ({ path: `${section}.${row}.${spec.path}`, spec }))).flat();
}

/**
 * A list section's row count when the officer's rows are the stored rows as loaded, one to one
 * (`origins[i]` is the stored row form row i was loaded from, null for a row the officer added),
 * and the newer stored list has as many rows: then each row's fields merge on their own.
 */
export function matchedRows(section: TSectionKey, base: TFormValues, current: TFormValues, incoming: TFormValues, origins: readonly (number | null)[] | undefined): number | null {
  if (!isArraySection(section) || !origins) return null;
  const [was, mine, theirs] = [getIn(base, section), getIn(current, section), getIn(incoming, section)];
  if (!Array.isArray(was) || !Array.isArray(mine) || !Array.isArray(theirs)) return null;
  const oneToOne = origins.length === mine.length && origins.every((origin, index) => origin === index);
  return oneToOne && was.length === mine.length && theirs.length === mine.length ? mine.length : null;
}

const isObjectUnit = (spec: TFieldSpec | null) => spec?.type === "object";

/** Whether a unit differs between two form values (for an object: present in one only). */
function unitDiffers(spec: TFieldSpec | null, path: string, a: TFormValues, b: TFormValues): boolean {
  const left = getIn(a, path);
  const right = getIn(b, path);
  return isObjectUnit(spec) ? isRecord(left) !== isRecord(right) : !sameValue(left, right);
}

/** The form names the officer changed from the base: their unsaved input. */
export function changedPaths(section: TSectionKey, base: TFormValues, current: TFormValues): string[] {
  return unitsOf(section)
    .filter(({ spec, path }) => unitDiffers(spec, path, base, current))
    .map(({ path }) => path);
}

/** Whether a form name lies inside (or is) one of the given paths. */
const within = (path: string, parents: readonly string[]) => parents.some((parent) => path === parent || path.startsWith(`${parent}.`));

/**
 * The form's values once the stored section moved from `base` to `incoming`: every unit the
 * officer changed keeps the officer's value, every other unit takes the stored one; units both
 * changed to different values are returned as conflicts (keeping the officer's value).
 */
export function mergeIncoming(
  section: TSectionKey,
  base: TFormValues,
  current: TFormValues,
  incoming: TFormValues,
  origins?: readonly (number | null)[],
): { values: TFormValues; conflicts: TFieldConflict[] } {
  const values = structuredClone(incoming);
  const conflicts: TFieldConflict[] = [];
  const kept: string[] = [];
  for (const { path, spec } of unitsOf(section, matchedRows(section, base, current, incoming, origins))) {
    if (within(path, kept)) continue;
    if (!unitDiffers(spec, path, base, current)) continue;
    const mine = getIn(current, path);
    // an object the officer added or removed goes whole; a field inside an object the stored
    // value dropped takes its object along (never half an object)
    const parentPath = path.slice(0, path.lastIndexOf("."));
    const orphaned = !isObjectUnit(spec) && parentPath !== section && !/\.\d+$/.test(parentPath) && isRecord(getIn(current, parentPath)) && !isRecord(getIn(incoming, parentPath));
    const unit = orphaned ? parentPath : path;
    const mineUnit = orphaned ? getIn(current, parentPath) : mine;
    setIn(values, unit, structuredClone(mineUnit));
    kept.push(unit);
    const theirs = getIn(incoming, unit);
    const was = getIn(base, unit);
    if (!sameValue(theirs, was) && !sameValue(theirs, mineUnit)) conflicts.push({ path: unit, theirs: structuredClone(theirs) });
  }
  return { values, conflicts };
}

/** Unresolved conflicts after a merge: earlier ones still differing from the stored value, then the new ones. */
export function carryConflicts(earlier: readonly TFieldConflict[], fresh: readonly TFieldConflict[], values: TFormValues, incoming: TFormValues): TFieldConflict[] {
  const freshPaths = new Set(fresh.map((conflict) => conflict.path));
  const still = earlier.filter((conflict) => !freshPaths.has(conflict.path) && !sameValue(getIn(values, conflict.path), getIn(incoming, conflict.path)));
  return [...still, ...fresh];
}
