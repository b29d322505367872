import Link from "next/link";
import type { Locale, MessageKey, Translate } from "@/lib/i18n/messages";
import { formatNumber, formatPercent, localName } from "@/lib/i18n/format";
import type { ProvinceRow } from "@/lib/provinces/queries";
import type { ProvinceSort } from "@/lib/provinces/schema";
import type { LateCount } from "@/lib/calendar/working-days";

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
  const n = (v: number) => formatNumber(v, locale);
  const pct = (v: number | null) => (v === null ? t("common.none") : formatPercent(v, locale));
  const name = (r: { nameFa: string; nameEn: string }) => localName(r, locale);
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[60rem] text-sm">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            {COLUMNS.map((column) => {
              const c =
                column.sort === "medianDaysLate" && late === "working"
                  ? { ...column, label: "provinces.medianWorkingDaysLate" as const }
                  : column;
              const active = c.sort === sort;
              const next = active ? (dir === "asc" ? "desc" : "asc") : c.sort === "name" ? "asc" : "desc";
              return (
                <th
                  key={c.sort}
                  scope="col"
                  aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
                  className="p-2 text-start font-medium"
                >
                  <Link
                    href={sortHref(c.sort, next)}
                    className="underline-offset-4 hover:underline"
                    aria-label={t("provinces.sortBy", { column: t(c.label) })}
                  >
                    {t(c.label)}
                    {active && <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span>}
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100">
              <th scope="row" className="p-2 text-start font-medium">
                {drillHref ? (
                  <Link href={drillHref(r.id)} className="text-brand-700 underline-offset-4 hover:underline">
                    {name(r)}
                  </Link>
                ) : (
                  name(r)
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
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 font-semibold">
          <tr>
            <th scope="row" className="p-2 text-start">
              {t("provinces.total")}
            </th>
            <td className="p-2">{n(totals.open)}</td>
            <td className="p-2">{n(totals.overdue)}</td>
            <td className="p-2">{pct(totals.onTimePct)}</td>
            <td className="p-2">{t("common.none")}</td>
            <td className="p-2">{n(totals.unitsReturned)}</td>
            <td className="p-2">{n(totals.jobsKept)}</td>
            <td className="p-2">{n(totals.jobsCreated)}</td>
            <td className="p-2">{n(totals.sessionsHeld)}</td>
            <td className="p-2">{pct(totals.headsPct)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
