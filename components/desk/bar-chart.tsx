import { useId } from "react";

export type TBarSeries = { key: string; label: string; className: string };
export type TBarGroup = { label: string; values: Record<string, number | null> };

const ROW = 22;
const LABEL = 150;
const WIDTH = 720;

/**
 * Horizontal bars, one group per row and one bar per series, drawn on the server as SVG (no chart
 * code in the browser). The page shows the same numbers in a table beside it.
 */
export function BarChart({ title, description, series, groups, format }: { title: string; description: string; series: TBarSeries[]; groups: TBarGroup[]; format: (value: number) => string }) {
  const id = useId();
  const max = Math.max(1, ...groups.flatMap((group) => series.map((s) => group.values[s.key] ?? 0)));
  const groupHeight = series.length * ROW + 10;
  const height = Math.max(groupHeight, groups.length * groupHeight) + 24;
  const scale = (value: number) => ((WIDTH - LABEL - 90) * value) / max;
  return (
    <figure className="space-y-2">
      <figcaption className="font-medium">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {groups.map((group, g) => (
          <g key={group.label} transform={`translate(0 ${g * groupHeight})`}>
            <text x={LABEL - 8} y={(series.length * ROW) / 2 + 4} textAnchor="end" className="fill-current text-[11px]">
              {group.label}
            </text>
            {series.map((s, i) => {
              const value = group.values[s.key];
              return (
                <g key={s.key} transform={`translate(${LABEL} ${i * ROW})`}>
                  <rect width={value ? Math.max(1, scale(value)) : 0} height={ROW - 6} className={s.className} />
                  <text x={(value ? scale(value) : 0) + 6} y={ROW - 10} className="fill-current text-[10px]">
                    {value === null || value === undefined ? "—" : format(value)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <ul className="flex flex-wrap gap-4 text-xs" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1">
            <svg width="10" height="10" className="shrink-0">
              <rect width="10" height="10" className={s.className} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
