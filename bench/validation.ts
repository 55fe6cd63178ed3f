// Validation time of a full enrollment: median µs over 10,000 runs of validateEnrollment on
// the seed's examples, beside a structured clone of the same payload in the same run.
// Run: npx tsx bench/validation.ts
import { SEED_EXAMPLES } from "@/lib/enrollment/generate";
import { validateEnrollment } from "@/lib/enrollment/validate";
import { percentile } from "./harness";

const RUNS = Number(process.env.BENCH_RUNS ?? 10_000);

function measure(label: string, fn: (payload: Record<string, unknown>) => unknown) {
  // Warm-up so that the JIT has compiled the paths measured.
  for (let i = 0; i < 1000; i += 1) fn(SEED_EXAMPLES[i % SEED_EXAMPLES.length]!);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const payload = SEED_EXAMPLES[i % SEED_EXAMPLES.length]!;
    const started = process.hrtime.bigint();
    fn(payload);
    times.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  console.log(`${label.padEnd(36)} median ${median.toFixed(1)} µs, p95 ${percentile(times, 95).toFixed(1)} µs`);
  return median;
}

const baseline = measure("structuredClone (baseline)", (payload) => structuredClone(payload));
const validation = measure("validateEnrollment (full payload)", (payload) => {
  if (validateEnrollment(payload).length !== 0) throw new Error("a seed example stopped validating");
});
console.log(`ratio validation/clone: ${(validation / baseline).toFixed(1)} (target: validation <= 200 µs)`);
