// The queue's "time left" for a page of 50 rows (lib/sla/business-time.ts businessMinutesBetween),
// rows due a day ago (the baseline) against rows overdue by a month, a year and three years: an
// enrollment nobody finished stays in the queue, and its page is rendered every few seconds.
// Pure computation, no database. Each round builds its calendar anew, as the queue does on every
// read of the SLA settings.
// Run: npm run bench:business-time   (BENCH_ROUNDS overrides the default 2,000 rounds a scenario)
import { businessMinutesBetween, WEEKDAYS_NINE_TO_FIVE, type TBusinessCalendar } from "@/lib/sla/business-time";
import { percentile } from "./harness";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2_000);
const PAGE = 50;
const DAY = 86_400_000;
const HOLIDAYS = ["2025-01-01", "2025-12-25", "2026-01-01", "2026-02-27", "2026-12-25", "2027-01-01"];
const calendar = (): TBusinessCalendar => ({ timeZone: "America/Santo_Domingo", hours: WEEKDAYS_NINE_TO_FIVE, holidays: new Set(HOLIDAYS) });

function measure(daysOverdue: number) {
  const now = new Date();
  const dues = Array.from({ length: PAGE }, (_, i) => new Date(now.getTime() - daysOverdue * DAY - i * 37 * 60_000));
  const times: number[] = [];
  let sink = 0;
  for (let round = 0; round < ROUNDS + 50; round++) {
    const started = performance.now();
    const zone = calendar();
    for (const due of dues) sink += businessMinutesBetween(now, due, zone);
    // the first 50 rounds warm up (JIT, the day windows)
    if (round >= 50) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), sink };
}

const scenarios: Array<[string, number]> = [
  ["a day overdue (baseline)", 1],
  ["a month overdue", 30],
  ["a year overdue", 365],
  ["three years overdue", 3 * 365],
];
let baseline = 0;
for (const [label, days] of scenarios) {
  const { p50, p95 } = measure(days);
  if (baseline === 0) baseline = p95;
  console.log(`${label.padEnd(26)} a page of ${PAGE}: p50 ${(p50 * 1000).toFixed(0)} µs  p95 ${(p95 * 1000).toFixed(0)} µs  (p95 ${(p95 / baseline).toFixed(2)}x a day overdue)`);
}
console.log("target: a page of rows overdue by years costs what a page due today does (within 2x)");
