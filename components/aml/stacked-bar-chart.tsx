import { useId } from "react";

export type TChartSeries = { key: string; label: string; className: string };

type TProps = {
  title: string;
  /** One sentence for screen readers: what the bars count. */
  description: string;
  tableLabel: string;
  dayLabel: string;
  totalLabel: string;
  days: string[];
  series: TChartSeries[];
  counts: Array<Record<string, number>>;
};

const WIDTH = 720;
const HEIGHT = 200;
const LEFT = 36;
const BOTTOM = 20;
const TOP = 8;

/**
 * A stacked bar chart drawn on the server as SVG: no chart library, no JavaScript in the browser.
 * The same numbers are in a table underneath, for screen readers and for anyone who wants them.
 */
export function StackedBarChart({ title, description, tableLabel, dayLabel, totalLabel, days, series, counts }: TProps) {
  const id = useId();
  const totals = counts.map((day) => series.reduce((sum, s) => sum + (day[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT) / Math.max(1, days.length);
  const barWidth = Math.max(2, slot * 0.7);
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
  const ticks = [0, Math.round(max / 2), max].filter((v, i, all) => all.indexOf(v) === i);
  const seriesTotals = series.map((s) => counts.reduce((sum, day) => sum + (day[s.key] ?? 0), 0));

  return (
    <figure className="space-y-2">
      <figcaption className="font-medium">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} className="stroke-zinc-200" strokeWidth={1} />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" className="fill-zinc-500 text-[10px]">{tick}</text>
          </g>
        ))}
        {days.map((day, i) => {
          let base = 0;
          const x = LEFT + i * slot + (slot - barWidth) / 2;
          return (
            <g key={day}>
              {series.map((s) => {
                const value = counts[i]?.[s.key] ?? 0;
                if (value === 0) return null;
                const top = y(base + value);
                const height = y(base) - top;
                base += value;
                return (
                  <rect key={s.key} x={x} y={top} width={barWidth} height={height} className={s.className}>
                    <title>{`${day} · ${s.label}: ${value}`}</title>
                  </rect>
                );
              })}
              {(i % 7 === 0 || i === days.length - 1) && (
                <text x={x + barWidth / 2} y={HEIGHT - 4} textAnchor="middle" className="fill-zinc-500 text-[10px]">{day.slice(5)}</text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-hidden="true">
        {series.map((s, i) => (
          <li key={s.key} className="flex items-center gap-1">
            <svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" className={s.className} /></svg>
            {s.label} ({seriesTotals[i]})
          </li>
        ))}
      </ul>
      <details className="text-sm">
        <summary className="cursor-pointer text-xs text-muted-foreground">{tableLabel}</summary>
        {/* Focusable, so a keyboard can scroll it too. */}
        <div className="max-h-72 overflow-auto" tabIndex={0} role="region" aria-label={tableLabel}>
          <table className="mt-2 w-full text-left text-xs">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="px-2 py-1">{dayLabel}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="px-2 py-1 text-right">{s.label}</th>
                ))}
                <th scope="col" className="px-2 py-1 text-right">{totalLabel}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day, i) => (
                <tr key={day} className="border-t border-border">
                  <th scope="row" className="px-2 py-1 font-mono font-normal">{day}</th>
                  {series.map((s) => (
                    <td key={s.key} className="px-2 py-1 text-right">{counts[i]?.[s.key] ?? 0}</td>
                  ))}
                  <td className="px-2 py-1 text-right font-medium">{totals[i]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
