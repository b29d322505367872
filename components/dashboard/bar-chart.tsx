"use client";
import {
  Bar,
  BarChart as Chart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type Series = { key: string; name: string; color: string };
export type ChartRow = { label: string } & Record<string, string | number>;

/**
 * A bar chart drawn by recharts. It is decorative for assistive technology: the same
 * numbers are in the data table that always accompanies it (ChartFigure).
 */
export function BarChart({
  data,
  series,
  rtl,
  stacked = false,
}: {
  data: ChartRow[];
  series: Series[];
  rtl: boolean;
  stacked?: boolean;
}) {
  const digits = new Intl.NumberFormat(rtl ? "fa-IR" : "en-US");
  return (
    <div aria-hidden="true" className="h-64 w-full" dir="ltr">
      <ResponsiveContainer width="100%" height="100%">
        <Chart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="label"
            reversed={rtl}
            tick={{ fontSize: 11 }}
            interval={0}
            angle={-35}
            textAnchor="end"
            height={64}
          />
          <YAxis
            orientation={rtl ? "right" : "left"}
            allowDecimals={false}
            tickFormatter={(v: number) => digits.format(v)}
            tick={{ fontSize: 11 }}
            width={36}
          />
          <Tooltip formatter={(v) => digits.format(Number(v))} />
          <Legend />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              stackId={stacked ? "stack" : undefined}
              isAnimationActive={false}
            />
          ))}
        </Chart>
      </ResponsiveContainer>
    </div>
  );
}
