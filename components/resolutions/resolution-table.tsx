import Link from "next/link";
import { daysUntil, type ResolutionListItem } from "@/lib/resolutions/queries";
import { isOpenResolution } from "@/lib/resolutions/status";
import { formatDate, formatNumber, localName } from "@/lib/i18n/format";
import { meetingTitle } from "@/lib/meetings/title";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { EmptyState } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";
import { stacked } from "@/components/ui/stacked-table";
import { ProgressNote } from "@/components/outcomes/progress-note";
import { progressOfRow } from "@/lib/outcomes/progress";

export const STATUS_TONE: Record<ResolutionListItem["status"], string> = {
  ISSUED: "bg-slate-100 text-slate-800",
  IN_PROGRESS: "bg-sky-100 text-sky-900",
  DONE_REPORTED: "bg-amber-100 text-amber-900",
  VERIFIED: "bg-emerald-100 text-emerald-900",
  CANCELLED: "bg-slate-200 text-slate-600",
};

export function DeadlineNote({
  item,
  locale,
  t,
  workingDaysLate,
}: {
  item: Pick<ResolutionListItem, "status" | "deadline">;
  locale: Locale;
  t: Translate;
  /** The delay in working days (counted by the query, with the resolution's province's days off). */
  workingDaysLate?: number;
}) {
  if (!isOpenResolution(item.status)) return null;
  const days = daysUntil(item.deadline);
  const count = formatNumber(Math.abs(days), locale);
  if (days < 0 && workingDaysLate !== undefined) {
    const late = formatNumber(workingDaysLate, locale);
    return (
      <span className="text-xs font-semibold text-red-700">
        {t("calendar.workingDaysLate", { count: late })}
        <span className="font-normal text-slate-600"> ({t("home.daysLate", { count })})</span>
      </span>
    );
  }
  if (days < 0)
    return <span className="text-xs font-semibold text-red-700">{t("home.daysLate", { count })}</span>;
  if (days === 0) return <span className="text-xs font-semibold text-amber-700">{t("home.dueToday")}</span>;
  return <span className="text-xs text-slate-600">{t("home.daysLeft", { count })}</span>;
}

export function ResolutionTable({
  items,
  locale,
  t,
  empty,
  workingDaysLate,
}: {
  items: ResolutionListItem[];
  locale: Locale;
  t: Translate;
  empty: string;
  /** Delays in working days by resolution id (the dashboard's choice); calendar days otherwise. */
  workingDaysLate?: ReadonlyMap<string, number>;
}) {
  if (items.length === 0) return <EmptyState>{empty}</EmptyState>;
  const label = {
    unit: t("resolution.unit"),
    text: t("resolution.text"),
    agency: t("resolution.agency"),
    deadline: t("resolution.deadline"),
    status: t("resolution.status"),
  };
  return (
    <div className={stacked.wrapper}>
      <table className={`${stacked.table} md:min-w-[46rem]`}>
        <TableHead
          className={`border-b border-slate-200 text-slate-600 ${stacked.head}`}
          labels={[label.unit, label.text, label.agency, label.deadline, label.status]}
        />
        <tbody className={stacked.body}>
          {items.map((r) => (
            <tr
              key={r.id}
              className={`border-b border-slate-100 align-top ${stacked.row} phone:flex phone:flex-col`}
            >
              <td data-label={label.unit} className={`p-2 font-medium ${stacked.cell}`} dir="auto">
                {r.unit.name}
              </td>
              <td data-label={label.text} className={`p-2 md:min-w-[16rem] md:max-w-md ${stacked.cell}`}>
                <div className="min-w-0">
                  <Link
                    href={`/resolutions/${r.id}`}
                    dir="auto"
                    className="text-brand-700 underline-offset-4 hover:underline phone:line-clamp-3"
                  >
                    {r.text}
                  </Link>
                  <p className="mt-1 text-xs text-slate-500">{meetingTitle(r.meeting, locale, t)}</p>
                </div>
              </td>
              <td data-label={label.agency} className={`p-2 ${stacked.cell}`}>
                {localName(r.responsibleAgency, locale)}
              </td>
              <td
                data-label={label.deadline}
                // On a phone what matters comes first: the deadline, then the status.
                className={`whitespace-nowrap p-2 phone:order-first ${stacked.cell}`}
              >
                <div className="phone:flex phone:flex-wrap phone:gap-x-2">
                  <div>{formatDate(r.deadline, locale, { style: "short" })}</div>
                  <DeadlineNote item={r} locale={locale} t={t} workingDaysLate={workingDaysLate?.get(r.id)} />
                </div>
              </td>
              <td data-label={label.status} className={`p-2 phone:order-first ${stacked.cell}`}>
                <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs ${STATUS_TONE[r.status]}`}>
                  {t(`resolutionStatus.${r.status}`)}
                </span>
                <ProgressNote progress={progressOfRow(r)} locale={locale} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
