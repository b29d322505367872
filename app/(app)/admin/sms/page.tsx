import { pageContext, pageTitle } from "@/lib/page";
import { formatNumber, localName } from "@/lib/i18n/format";
import { smsOutboxView, smsStatusParam, SMS_STATUSES } from "@/lib/sms/outbox-view";
import { pageNumber } from "@/lib/validation";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { FilterSelect } from "@/components/ui/filter-select";
import { SmsOutboxTable } from "@/components/sms/sms-outbox-table";

export const generateMetadata = pageTitle("sms.outbox.title");

/** The SMS outbox: the secretariat sees its province's texts, a national administrator all. */
export default async function SmsOutboxPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; status?: string }>;
}) {
  const { user, t, locale } = await pageContext("sms.outbox");
  const params = await searchParams;
  const status = smsStatusParam(params.status);
  const view = await smsOutboxView(user, { page: pageNumber(params.page), status });
  const query = (p: number) =>
    `/admin/sms?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("sms.outbox.title")}</h1>
        <p className="text-sm text-slate-600">
          {t("sms.outbox.intro")}
          {view.total > 0 && <> — {t("common.total", { count: formatNumber(view.total, locale) })}</>}
        </p>
        <ul className="text-sm" data-testid="sms-cap">
          {view.caps.length === 0 && <li>{t("sms.outbox.noneToday")}</li>}
          {view.caps.map((c) => (
            <li key={c.id} className={c.used >= c.cap ? "font-semibold text-red-700" : undefined}>
              {t("sms.outbox.today", {
                province: localName(c, locale),
                used: formatNumber(c.used, locale),
                cap: formatNumber(c.cap, locale),
              })}
            </li>
          ))}
        </ul>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-2">
        <FilterSelect
          id="sms-status"
          label={t("sms.outbox.filter")}
          name="status"
          value={status}
          all={t("sms.outbox.all")}
          options={SMS_STATUSES.map((s) => [s, t(`sms.outbox.statuses.${s}`)])}
        />
        <button type="submit" className={buttonClass("secondary")}>
          {t("sms.outbox.show")}
        </button>
      </form>
      <Card>
        <SmsOutboxTable items={view.items} t={t} locale={locale} />
        <Pagination page={view.page} pages={view.pages} href={query} t={t} locale={locale} />
      </Card>
    </div>
  );
}
