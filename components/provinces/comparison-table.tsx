import Link from "next/link";
import type { Locale, MessageKey, Translate } from "@/lib/i18n/messages";
import { formatNumber, formatPercent, localName } from "@/lib/i18n/format";
import type { ProvinceRow } from "@/lib/provinces/queries";
import type { ProvinceSort } from "@/lib/provinces/schema";
import type { LateCount } from "@/lib/calendar/working-days";
import { SortableHeader } from "@/components/ui/table-head";

type Totals = {
  open: number;
  overdue: number;
  onTimePct: number | null;
  unitsReturned: number;
  jobsKept: number;
  jobsCreated: number;
  sessionsHeld: number;
  headsPct: number | null;
};

const COLUMNS: { sort: ProvinceSort; label: MessageKey }[] = [
  { sort: "name", label: "provinces.province" },
  { sort: "open", label: "provinces.open" },
  { sort: "overdue", label: "provinces.overdue" },
  { sort: "onTime", label: "provinces.onTime" },
  { sort: "medianDaysLate", label: "provinces.medianDaysLate" },
  { sort: "unitsReturned", label: "provinces.unitsReturned" },
  { sort: "jobsKept", label: "provinces.jobsKept" },
  { sort: "jobsCreated", label: "provinces.jobsCreated" },
  { sort: "sessionsHeld", label: "provinces.sessionsHeld" },
  { sort: "headsPct", label: "provinces.headsAttendance" },
];

/** One row per province; every column header sorts (again to reverse), like the scorecard. */
export function ComparisonTable({
  rows,
  totals,
  sort,
  dir,
  sortHref,
  drillHref,
  late = "calendar",
  t,
  locale,
}: {
  rows: ProvinceRow[];
  totals: Totals;
  sort: ProvinceSort;
  dir: "asc" | "desc";
  sortHref: (sort: ProvinceSort, dir: "asc" | "desc") => string;
  /** Null when the viewer may not open a province's dashboard. */
  drillHref: ((id: string) => string) | null;
  /** What the median delay counts: the column says which. */
  late?: LateCount;
  t: Translate;
  locale: Locale;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[60rem] text-sm">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            {COLUMNS.map((column) => {
              const label = t(
                column.sort === "medianDaysLate" && late === "working"
                  ? "provinces.medianWorkingDaysLate"
                  : column.label,
              );
              const active = column.sort === sort;
              const next = active
                ? dir === "asc"
                  ? "desc"
                  : "asc"
                : column.sort === "name"
                  ? "asc"
                  : "desc";
              return (
                <SortableHeader
                  key={column.sort}
                  label={label}
                  sortLabel={t("provinces.sortBy", { column: label })}
                  href={sortHref(column.sort, next)}
                  sorted={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
                  arrow={<span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span>}
                />
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <ProvinceLine key={r.id} row={r} href={drillHref?.(r.id)} t={t} locale={locale} />
          ))}
        </tbody>
        <ComparisonTotals totals={totals} t={t} locale={locale} />
      </table>
    </div>
  );
}

/** One province; its name opens its dashboard where the viewer may. */
function ProvinceLine({
  row: r,
  href,
  t,
  locale,
}: {
  row: ProvinceRow;
  href: string | undefined;
  t: Translate;
  locale: Locale;
}) {
  const n = (v: number) => formatNumber(v, locale);
  const pct = (v: number | null) => (v === null ? t("common.none") : formatPercent(v, locale));
  const name = localName(r, locale);
  return (
    <tr className="border-b border-slate-100">
      <th scope="row" className="p-2 text-start font-medium">
        {href ? (
          <Link href={href} className="text-brand-700 underline-offset-4 hover:underline">
            {name}
          </Link>
        ) : (
          name
        )}
      </th>
      <td className="p-2">{n(r.open)}</td>
      <td className={`p-2 ${r.overdue > 0 ? "font-semibold text-red-700" : ""}`}>{n(r.overdue)}</td>
      <td className="p-2">{pct(r.onTimePct)}</td>
      <td className="p-2">{r.medianDaysLate === null ? t("common.none") : n(r.medianDaysLate)}</td>
      <td className="p-2">{n(r.unitsReturned)}</td>
      <td className="p-2">{n(r.jobsKept)}</td>
      <td className="p-2">{n(r.jobsCreated)}</td>
      <td className="p-2">{n(r.sessionsHeld)}</td>
      <td className="p-2">{pct(r.headsPct)}</td>
    </tr>
  );
}

/** The whole country's line: sums, and shares of the sums (a median of medians means nothing). */
function ComparisonTotals({ totals, t, locale }: { totals: Totals; t: Translate; locale: Locale }) {
  const pct = (v: number | null) => (v === null ? t("common.none") : formatPercent(v, locale));
  const cells = [
    formatNumber(totals.open, locale),
    formatNumber(totals.overdue, locale),
    pct(totals.onTimePct),
    t("common.none"),
    ...[totals.unitsReturned, totals.jobsKept, totals.jobsCreated, totals.sessionsHeld].map((v) =>
      formatNumber(v, locale),
    ),
    pct(totals.headsPct),
  ];
  return (
    <tfoot className="border-t-2 border-slate-300 font-semibold">
      <tr>
        <th scope="row" className="p-2 text-start">
          {t("provinces.total")}
        </th>
        {cells.map((c, i) => (
          <td key={i} className="p-2">
            {c}
          </td>
        ))}
      </tr>
    </tfoot>
  );
}
