import { pageContext, pageTitle } from "@/lib/page";
import { calendarDays } from "@/lib/calendar/holidays";
import { jalaliYearRange } from "@/lib/calendar/working-days";
import { listHolidayOverrides } from "@/lib/calendar/queries";
import { formatDigits, jalaliParts, todayInTehran } from "@/lib/i18n/format";
import { jalaliYearParam } from "@/lib/validation";
import { Card } from "@/components/ui/card";
import { HolidayOverrideForm } from "@/components/calendar/holiday-override-form";
import { OfficialDays, OverrideList } from "@/components/calendar/calendar-sections";
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
      <OverrideList overrides={overrides} t={t} locale={locale} />
      <OfficialDays year={year} days={days} t={t} locale={locale} />
    </div>
  );
}
