import { undoHolidayOverrideAction } from "@/lib/calendar/actions";
import type { calendarDays } from "@/lib/calendar/holidays";
import type { listHolidayOverrides } from "@/lib/calendar/queries";
import { formatDate, formatDigits } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { Card, EmptyState } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";
import { ConfirmForm } from "@/components/ui/confirm-form";

// The working calendar's lists (app/(app)/admin/calendar/page.tsx): the changes made here,
// each undoable, and the year's holidays with where each comes from.

type Speech = { t: Translate; locale: Locale };

export function OverrideList({
  overrides,
  t,
  locale,
}: Speech & { overrides: Awaited<ReturnType<typeof listHolidayOverrides>> }) {
  return (
    <Card title={t("calendar.changes")}>
      {overrides.length === 0 ? (
        <EmptyState>{t("calendar.noChanges")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {overrides.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <strong>{formatDate(o.date, locale)}</strong> — {t(`calendar.kind${o.kind}`)}: {o.name}
              </span>
              <ConfirmForm
                action={undoHolidayOverrideAction}
                fields={{ id: o.id }}
                label={t("calendar.undo")}
                question={t("calendar.undoConfirm", { date: formatDate(o.date, locale) })}
              />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function OfficialDays({
  year,
  days,
  t,
  locale,
}: Speech & { year: number; days: Awaited<ReturnType<typeof calendarDays>> }) {
  const source = {
    official: "calendar.sourceOfficial",
    national: "calendar.sourceAdded",
    province: "calendar.sourceProvince",
  } as const;
  return (
    <Card title={t("calendar.official", { year: formatDigits(String(year), locale) })}>
      {days.length === 0 ? (
        <EmptyState>{t("calendar.noHolidays")}</EmptyState>
      ) : (
        <table className="w-full text-sm">
          <TableHead labels={[t("calendar.date"), t("calendar.name"), t("calendar.source")]} />
          <tbody>
            {days.map((d) => (
              <tr
                key={d.date}
                className={`border-b border-slate-100 ${d.removed ? "text-slate-500 line-through" : ""}`}
              >
                {/* The date may wrap on a phone: kept on one line, the English dates widened the
                    page by 27 px at 390 px (phone sweep). */}
                <td className="p-2 md:whitespace-nowrap">{formatDate(d.date, locale)}</td>
                <td className="p-2">
                  {d.name}
                  {d.removed && (
                    <span className="ms-2 inline-block no-underline">
                      ({t("calendar.removed")}: {d.removed})
                    </span>
                  )}
                </td>
                <td className="p-2">{t(source[d.source])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
