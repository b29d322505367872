import type { ScorecardRow, ScorecardSort } from "@/lib/dashboard/queries";
import type { LateCount } from "@/lib/calendar/working-days";
import { formatPercent, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, MessageKey, Translate } from "@/lib/i18n/messages";
import { EmptyState } from "@/components/ui/card";
import { SortableHeader } from "@/components/ui/table-head";
import { AttendanceTrend } from "@/components/outcomes/absent-heads";
import type { SessionAttendance } from "@/lib/outcomes/attendance";

const COLUMNS: { sort: ScorecardSort | null; label: MessageKey }[] = [
  { sort: "name", label: "resolution.agency" },
  { sort: "issued", label: "dashboard.issued" },
  { sort: "onTime", label: "dashboard.onTime" },
  { sort: "overdue", label: "dashboard.overdueNow" },
  { sort: "daysLate", label: "dashboard.avgDaysLate" },
  { sort: null, label: "dashboard.extensions" },
  { sort: null, label: "dashboard.expected" },
  { sort: null, label: "dashboard.head" },
  { sort: null, label: "dashboard.representative" },
  { sort: "absent", label: "dashboard.absent" },
];

const WORKING_DAYS_LABEL: MessageKey = "dashboard.avgWorkingDaysLate";

export function ScorecardTable({
  rows,
  sort,
  sortHref,
  late = "calendar",
  trend,
  t,
  locale,
}: {
  rows: ScorecardRow[];
  /** Each agency's latest attendances, newest first (issue #36): a column of its own when given. */
  trend?: ReadonlyMap<string, readonly SessionAttendance[]>;
  sort: ScorecardSort;
  sortHref?: (s: ScorecardSort) => string;
  /** What the average delay counts (the dashboard's choice): the column says which. */
  late?: LateCount;
  t: Translate;
  locale: Locale;
}) {
  if (rows.length === 0) return <EmptyState>{t("dashboard.noAgencies")}</EmptyState>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[52rem] text-sm">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            {COLUMNS.map((c) => {
              const label = t(c.sort === "daysLate" && late === "working" ? WORKING_DAYS_LABEL : c.label);
              return (
                <SortableHeader
                  key={c.label}
                  label={label}
                  sortLabel={t("dashboard.sortBy", { column: label })}
                  href={c.sort && sortHref ? sortHref(c.sort) : undefined}
                  sorted={c.sort === sort ? (sort === "name" ? "ascending" : "descending") : undefined}
                  // The arrow marks the live sort on screen; on paper it is noise.
                  arrow={
                    <span aria-hidden="true" className="print:hidden">
                      {" "}
                      ▾
                    </span>
                  }
                />
              );
            })}
            {trend && (
              <th
                scope="col"
                className="p-2 text-start font-medium"
                title={t("outcomes.attendance.trendHint")}
              >
                {t("outcomes.attendance.trend")}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <ScorecardLine
              key={r.agencyId}
              row={r}
              trend={trend && (trend.get(r.agencyId) ?? [])}
              t={t}
              locale={locale}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One agency: what it was given, how it kept to time, and how it came to the sessions. */
function ScorecardLine({
  row: r,
  trend,
  t,
  locale,
}: {
  row: ScorecardRow;
  /** Undefined when the table has no trend column. */
  trend: readonly SessionAttendance[] | undefined;
  t: Translate;
  locale: Locale;
}) {
  const n = (v: number | null) => (v === null ? t("common.none") : formatNumber(v, locale));
  return (
    <tr className="border-b border-slate-100">
      <th scope="row" className="min-w-[12rem] p-2 text-start font-medium">
        {localName(r, locale)}
      </th>
      <td className="p-2">{n(r.issued)}</td>
      <td className={`p-2 ${r.onTimePct !== null && r.onTimePct < 50 ? "font-semibold text-red-700" : ""}`}>
        {r.onTimePct === null ? t("common.none") : formatPercent(r.onTimePct, locale)}
      </td>
      <td className={`p-2 ${r.overdueNow > 0 ? "font-semibold text-red-700" : ""}`}>{n(r.overdueNow)}</td>
      <td className="p-2">{n(r.avgDaysLate)}</td>
      <td className="p-2">{n(r.extensionRequests)}</td>
      <td className="p-2">{n(r.sessionsExpected)}</td>
      <td className="p-2">{n(r.attendedHead)}</td>
      <td className="p-2">{n(r.attendedRepresentative)}</td>
      <td className={`p-2 ${r.absent > 0 ? "text-amber-700" : ""}`}>{n(r.absent)}</td>
      {trend && (
        <td className="p-2">
          <AttendanceTrend sessions={trend} t={t} locale={locale} />
        </td>
      )}
    </tr>
  );
}
