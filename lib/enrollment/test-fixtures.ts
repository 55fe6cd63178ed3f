// Test-only access to the seed's three examples; each call returns a fresh deep copy so a
// test can mutate it freely.
import example1 from "@/fixtures/enrollments/seed-example-1.json";
import example2 from "@/fixtures/enrollments/seed-example-2.json";
import example3 from "@/fixtures/enrollments/seed-example-3.json";


const EXAMPLES = [example1, example2, example3] as const;

export function seedExample(n: 1 | 2 | 3): Record<string, unknown> {
  return structuredClone(EXAMPLES[n - 1]) as Record<string, unknown>;
}

/** Reads a nested object of a body for mutation in a test (throws if it is not one). */
export function at(body: unknown, ...path: (string | number)[]): Record<string, unknown> {
  let node: unknown = body;
  for (const key of path) {
    if (typeof node !== "object" || node === null) throw new Error(`no object at ${path.join(".")}`);
    node = (node as Record<string | number, unknown>)[key];
  }
  if (typeof node !== "object" || node === null) throw new Error(`no object at ${path.join(".")}`);
  return node as Record<string, unknown>;
}
