// What a parsed JSON value may hold and PostgreSQL (or our own recursive code) still cannot take:
// the NUL character and broken UTF-16 (a lone surrogate), which text and jsonb columns refuse,
// and nesting so deep that a recursive walk (sealing, JSON.stringify, jsonb) overflows the stack.
// Checked before anything is written, so such input is a 400 naming the place, never a 500.
// The walk is iterative: V8's JSON.parse accepts any depth, and this check must not be the
// first thing to overflow on it.

/** Containers deeper than this are refused; our bodies are a few levels deep. */
export const MAX_JSON_DEPTH = 64;

/** Where (the path of keys and indexes from the value checked) and what. */
export type TJsonProblem = { path: string[]; message: string };

const MAX_PROBLEMS = 20;

function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain the NUL character (\\u0000)";
  return text.isWellFormed() ? null : "must be valid Unicode text";
}

type TFrame = { value: unknown; path: string[]; depth: number; key?: string };

/** The problems found in depth-first order, at most 20, and one for nesting at most. */
export function findUnstorableJson(value: unknown, maxDepth = MAX_JSON_DEPTH): TJsonProblem[] {
  const found: TJsonProblem[] = [];
  let tooDeep = false;
  const stack: TFrame[] = [{ value, path: [], depth: 0 }];
  while (stack.length > 0 && found.length < MAX_PROBLEMS) {
    const frame = stack.pop()!;
    if (frame.key !== undefined) {
      const message = textProblem(frame.key);
      if (message) found.push({ path: frame.path, message: `key ${message}` });
    }
    const current = frame.value;
    if (typeof current === "string") {
      const message = textProblem(current);
      if (message) found.push({ path: frame.path, message });
      continue;
    }
    if (typeof current !== "object" || current === null) continue;
    const depth = frame.depth + 1;
    if (depth > maxDepth) {
      if (!tooDeep) found.push({ path: frame.path, message: `nested deeper than ${maxDepth} levels` });
      tooDeep = true;
      continue;
    }
    // Pushed in reverse, so they are visited in document order.
    const children: TFrame[] = Array.isArray(current)
      ? current.map((item, index) => ({ value: item, path: [...frame.path, String(index)], depth }))
      : Object.entries(current).map(([key, item]) => ({ value: item, path: [...frame.path, key], depth, key }));
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return found;
}
