import Link from "next/link";
import { daysUntil, type ResolutionListItem } from "@/lib/resolutions/queries";
import { isOpenResolution } from "@/lib/resolutions/status";
import { formatDate, formatNumber, localName } from "@/lib/i18n/format";
import { meetingTitle } from "@/lib/meetings/title";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { EmptyState } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";

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
}: {
  item: Pick<ResolutionListItem, "status" | "deadline">;
  locale: Locale;
  t: Translate;
}) {
  if (!isOpenResolution(item.status)) return null;
  const days = daysUntil(item.deadline);
  const count = formatNumber(Math.abs(days), locale);
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
}: {
  items: ResolutionListItem[];
  locale: Locale;
  t: Translate;
  empty: string;
}) {
  if (items.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[46rem] text-sm">
        <TableHead
          labels={[
            t("resolution.unit"),
            t("resolution.text"),
            t("resolution.agency"),
            t("resolution.deadline"),
            t("resolution.status"),
          ]}
        />
        <tbody>
          {items.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 align-top">
              <td className="p-2 font-medium" dir="auto">
                {r.unit.name}
              </td>
              <td className="min-w-[16rem] max-w-md p-2">
                <Link
                  href={`/resolutions/${r.id}`}
                  dir="auto"
                  className="text-brand-700 underline-offset-4 hover:underline"
                >
                  {r.text}
                </Link>
                <p className="mt-1 text-xs text-slate-500">{meetingTitle(r.meeting, locale, t)}</p>
              </td>
              <td className="p-2">{localName(r.responsibleAgency, locale)}</td>
              <td className="whitespace-nowrap p-2">
                <div>{formatDate(r.deadline, locale, { style: "short" })}</div>
                <DeadlineNote item={r} locale={locale} t={t} />
              </td>
              <td className="p-2">
                <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs ${STATUS_TONE[r.status]}`}>
                  {t(`resolutionStatus.${r.status}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
