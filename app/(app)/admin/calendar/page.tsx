import { pageContext, pageTitle } from "@/lib/page";
import { calendarDays } from "@/lib/calendar/holidays";
import { jalaliYearRange } from "@/lib/calendar/working-days";
import { listHolidayOverrides } from "@/lib/calendar/queries";
import { undoHolidayOverrideAction } from "@/lib/calendar/actions";
import { formatDate, formatDigits, jalaliParts, todayInTehran } from "@/lib/i18n/format";
import { jalaliYearParam } from "@/lib/validation";
import { Card, EmptyState } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { HolidayOverrideForm } from "@/components/calendar/holiday-override-form";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";

export const generateMetadata = pageTitle("calendar.title");

export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const { user, t, locale } = await pageContext("calendar.manage");
  const year = jalaliYearParam((await searchParams).year) ?? jalaliParts(todayInTehran()).year;
  const { from, to } = jalaliYearRange(year);
  const [days, overrides] = await Promise.all([
    calendarDays(user.provinceId, from, to, locale),
    listHolidayOverrides(user.provinceId, from, to),
  ]);
  const source = {
    official: "calendar.sourceOfficial",
    national: "calendar.sourceAdded",
    province: "calendar.sourceProvince",
  } as const;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("calendar.title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("calendar.intro")}</p>
      <p className="text-sm font-medium">
        {t(user.provinceId ? "calendar.scopeProvince" : "calendar.scopeNational")}
      </p>
      <form method="get" className="flex items-end gap-2">
        <div className="space-y-1">
          <label htmlFor="year" className="block text-xs font-medium text-slate-700">
            {t("calendar.year")}
          </label>
          <input
            id="year"
            name="year"
            inputMode="numeric"
            dir="ltr"
            defaultValue={formatDigits(String(year), locale)}
            className={`${inputClass} w-24 text-center`}
          />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          {t("calendar.showYear")}
        </button>
      </form>
      <Card title={t("calendar.addChange")}>
        <HolidayOverrideForm locale={locale} />
      </Card>
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
    </div>
  );
}
