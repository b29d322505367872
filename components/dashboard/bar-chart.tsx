import { formatNumber, isRtl } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";

export type Series = { key: string; name: string; color: string };
export type ChartRow = { label: string } & Record<string, string | number>;

// Drawn on the server as plain SVG (docs/decisions/121-server-drawn-charts.md): recharts
// shipped 116 KB of gzipped JavaScript and kept the phone's main thread busy for seconds
// (issue #15), for bars that never change after the page is rendered.
const W = 640;
const H = 260;
const M = { top: 12, side: 44, bottom: 72, end: 8 };
/** Tenths of a unit are finer than any screen shows; 15-digit coordinates made up a tenth of
 * the dashboard's HTML (issue #15: every page ≤ 250 KB). */
const r = (n: number) => Math.round(n * 10) / 10;

/** A round upper bound and step for the axis: 1, 2 or 5 times a power of ten per step. */
function axis(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? power * 10);
  return { top: Math.ceil(max / step) * step, step };
}

/**
 * A bar chart (grouped, or stacked with `stacked`). Decorative for assistive technology, with
 * nothing focusable inside: the same numbers are in the data table that always accompanies
 * it (ChartFigure). No per-bar tooltips either: they repeated that table in every page's HTML
 * and payload (~10 KB of the national dashboard, issue #15). Right to left in Persian: the first bar on the right, the axis on the right.
 */
export function BarChart({
  data,
  series,
  locale,
  stacked = false,
}: {
  data: ChartRow[];
  series: Series[];
  locale: Locale;
  stacked?: boolean;
}) {
  const rtl = isRtl(locale);
  const value = (row: ChartRow, key: string) => Number(row[key] ?? 0);
  const max = Math.max(
    0,
    ...data.map((row) =>
      stacked
        ? series.reduce((sum, s) => sum + value(row, s.key), 0)
        : Math.max(0, ...series.map((s) => value(row, s.key))),
    ),
  );
  const { top, step } = axis(max);
  const plotW = W - M.side - M.end;
  const plotH = H - M.top - M.bottom;
  const left = rtl ? M.end : M.side;
  const y = (v: number) => r(M.top + plotH - (v / top) * plotH);
  const band = plotW / Math.max(1, data.length);
  const bandX = (i: number) => r(left + band * (rtl ? data.length - 1 - i : i));
  const barW = r(stacked ? band * 0.6 : (band * 0.8) / Math.max(1, series.length));
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const axisX = rtl ? W - M.side + 6 : M.side - 6;
  return (
    <div aria-hidden="true" className="w-full">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full"
        fontSize="11"
        role="presentation"
        focusable="false"
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={left + plotW} y1={y(v)} y2={y(v)} stroke="#e2e8f0" strokeDasharray="3 3" />
            <text x={axisX} y={y(v) + 4} fill="#475569" textAnchor={rtl ? "start" : "end"}>
              {formatNumber(v, locale)}
            </text>
          </g>
        ))}
        {data.map((row, i) => {
          let base = 0;
          const x0 = r(bandX(i) + (stacked ? band * 0.2 : band * 0.1));
          const cx = r(bandX(i) + band / 2);
          return (
            <g key={row.label}>
              {series.map((s, j) => {
                const v = value(row, s.key);
                const x = r(stacked ? x0 : x0 + (rtl ? series.length - 1 - j : j) * barW);
                const from = stacked ? base : 0;
                if (stacked) base += v;
                return v > 0 ? (
                  <rect
                    key={s.key}
                    x={x}
                    width={barW}
                    y={y(from + v)}
                    height={r(y(from) - y(from + v))}
                    fill={s.color}
                  />
                ) : null;
              })}
              <text
                x={cx}
                y={M.top + plotH + 12}
                fill="#334155"
                textAnchor="end"
                transform={`rotate(-35 ${cx} ${M.top + plotH + 12})`}
              >
                {row.label}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="mt-1 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-700">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1">
            <svg viewBox="0 0 12 12" className="h-3 w-3" focusable="false">
              <rect width="12" height="12" rx="2" fill={s.color} />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
