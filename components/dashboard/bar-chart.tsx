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

type Geometry = ReturnType<typeof geometry>;

/** Where everything goes: the axis, the bands (one per row) and the bars' width. */
function geometry(data: ChartRow[], series: Series[], rtl: boolean, stacked: boolean) {
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
  const band = plotW / Math.max(1, data.length);
  return {
    rtl,
    stacked,
    plotW,
    plotH,
    left,
    band,
    y: (v: number) => r(M.top + plotH - (v / top) * plotH),
    bandX: (i: number) => r(left + band * (rtl ? data.length - 1 - i : i)),
    barW: r(stacked ? band * 0.6 : (band * 0.8) / Math.max(1, series.length)),
    ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step),
    axisX: rtl ? W - M.side + 6 : M.side - 6,
  };
}

const value = (row: ChartRow, key: string) => Number(row[key] ?? 0);

/** The horizontal lines and the axis's numbers. */
function Gridlines({ g, locale }: { g: Geometry; locale: Locale }) {
  return g.ticks.map((v) => (
    <g key={v}>
      <line
        x1={g.left}
        x2={g.left + g.plotW}
        y1={g.y(v)}
        y2={g.y(v)}
        stroke="#e2e8f0"
        strokeDasharray="3 3"
      />
      <text x={g.axisX} y={g.y(v) + 4} fill="#475569" textAnchor={g.rtl ? "start" : "end"}>
        {formatNumber(v, locale)}
      </text>
    </g>
  ));
}

/** One row's bars, side by side or stacked, and its label under them. */
function BarGroup({ row, i, series, g }: { row: ChartRow; i: number; series: Series[]; g: Geometry }) {
  const values = series.map((s) => value(row, s.key));
  // Stacked, each bar starts where the ones before it end.
  const starts = values.map((_, j) => (g.stacked ? values.slice(0, j).reduce((a, b) => a + b, 0) : 0));
  const x0 = r(g.bandX(i) + (g.stacked ? g.band * 0.2 : g.band * 0.1));
  const cx = r(g.bandX(i) + g.band / 2);
  return (
    <g>
      {series.map((s, j) => {
        const v = values[j] ?? 0;
        const from = starts[j] ?? 0;
        const x = r(g.stacked ? x0 : x0 + (g.rtl ? series.length - 1 - j : j) * g.barW);
        return v > 0 ? (
          <rect
            key={s.key}
            x={x}
            width={g.barW}
            y={g.y(from + v)}
            height={r(g.y(from) - g.y(from + v))}
            fill={s.color}
          />
        ) : null;
      })}
      <text
        x={cx}
        y={M.top + g.plotH + 12}
        fill="#334155"
        textAnchor="end"
        transform={`rotate(-35 ${cx} ${M.top + g.plotH + 12})`}
      >
        {row.label}
      </text>
    </g>
  );
}

function Legend({ series }: { series: Series[] }) {
  return (
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
  );
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
  const g = geometry(data, series, isRtl(locale), stacked);
  return (
    <div aria-hidden="true" className="w-full">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full"
        fontSize="11"
        role="presentation"
        focusable="false"
      >
        <Gridlines g={g} locale={locale} />
        {data.map((row, i) => (
          <BarGroup key={row.label} row={row} i={i} series={series} g={g} />
        ))}
      </svg>
      <Legend series={series} />
    </div>
  );
}
