import { formatJalaliMonth, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { moved, sumMoney, type moneyByBank, type returnsToProduction } from "@/lib/outcomes/queries";
import { Card, EmptyState } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { ChartFigure } from "@/components/dashboard/chart-figure";
import { CASE_OUTCOMES } from "@/lib/outcomes/constants";

type Money = Awaited<ReturnType<typeof moneyByBank>>;
type Returns = Awaited<ReturnType<typeof returnsToProduction>>;

const BILLION = 1_000_000_000n;
/** Billions of rials with one decimal, for the chart's axis (the tables keep every rial). */
const billions = (v: bigint) => Number((v * 10n) / BILLION) / 10;

/**
 * What the working group achieved (issue #36): money per bank per month, with its chart, and
 * units back in production with the jobs kept and created. Every figure is a sum of the rows
 * the queries return; the spreadsheet export has the same rows.
 */
export function OutcomesDashboard({
  money,
  returns,
  national,
  exportable,
  t,
  locale,
}: {
  money: Money;
  returns: Returns;
  national: boolean;
  exportable: boolean;
  t: Translate;
  locale: Locale;
}) {
  const n = (v: number | bigint) => formatNumber(v, locale);
  const perBank = sumMoney(money.rows, (r) => r.agencyId);
  const banks = [...new Map(money.rows.map((r) => [r.agencyId, r])).values()];
  const perProvince = sumMoney(money.rows, (r) => r.provinceId);
  const provinces = [...new Map(money.rows.map((r) => [r.provinceId, r])).values()];
  const perMonth = sumMoney(money.rows, (r) => r.month);
  const all = sumMoney(money.rows, () => "all").get("all");
  const head = "p-2 text-start font-medium";
  const cell = "p-2 tabular-nums";
  const moneyHeads = [
    t("outcomes.dashboard.requested"),
    t("outcomes.dashboard.approvedCol"),
    t("outcomes.dashboard.rescheduled"),
    t("outcomes.dashboard.released"),
    t("outcomes.dashboard.guaranteed"),
    t("outcomes.dashboard.moved"),
  ];
  const moneyCells = (m: NonNullable<typeof all>) =>
    [m.requested, m.approved, m.rescheduled, m.released, m.guaranteed, moved(m)].map((v, i) => (
      <td key={i} className={cell}>
        {n(v)}
      </td>
    ));
  return (
    <div className="space-y-6">
      <Card title={t("outcomes.dashboard.moneyTitle")}>
        <p className="mb-2 text-xs text-slate-600">{t("outcomes.dashboard.moneyHint")}</p>
        {exportable && (
          <div className="no-print mb-2">
            <ButtonLink variant="secondary" href="/api/reports/money">
              {t("outcomes.dashboard.export")}
            </ButtonLink>
          </div>
        )}
        {banks.length === 0 || !all ? (
          <EmptyState>{t("outcomes.dashboard.noMoney")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="money-by-bank">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th className={head}>{t("outcomes.dashboard.bank")}</th>
                  {national && <th className={head}>{t("outcomes.dashboard.province")}</th>}
                  {moneyHeads.map((h) => (
                    <th key={h} className={head}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {banks.map((b) => {
                  const m = perBank.get(b.agencyId);
                  return (
                    m && (
                      <tr key={b.agencyId} className="border-b border-slate-100" data-bank={b.agencyId}>
                        <th scope="row" className={head}>
                          {localName(b, locale)}
                        </th>
                        {national && <td className="p-2">{localName(b.province, locale)}</td>}
                        {moneyCells(m)}
                      </tr>
                    )
                  );
                })}
              </tbody>
              <tfoot className="font-bold">
                <tr>
                  <th scope="row" className={head} colSpan={national ? 2 : 1}>
                    {t("outcomes.dashboard.total")}
                  </th>
                  {moneyCells(all)}
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        {national && provinces.length > 0 && (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-sm" data-testid="money-by-province">
              <caption className="mb-1 text-start font-medium">{t("outcomes.dashboard.byProvince")}</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th className={head}>{t("outcomes.dashboard.province")}</th>
                  {moneyHeads.map((h) => (
                    <th key={h} className={head}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {provinces.map((p) => {
                  const m = perProvince.get(p.provinceId);
                  return (
                    m && (
                      <tr key={p.provinceId} className="border-b border-slate-100">
                        <th scope="row" className={head}>
                          {localName(p.province, locale)}
                        </th>
                        {moneyCells(m)}
                      </tr>
                    )
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartFigure
          title={t("outcomes.dashboard.chart")}
          labelHeader={t("outcomes.dashboard.month")}
          data={money.months.map((m, i) => {
            const v = perMonth.get(i);
            return {
              label: formatJalaliMonth(m.start, locale),
              requested: v ? billions(v.requested) : 0,
              approved: v ? billions(v.approved) : 0,
              moved: v ? billions(moved(v)) : 0,
            };
          })}
          series={[
            { key: "requested", name: t("outcomes.dashboard.requested"), color: "#64748b" },
            { key: "approved", name: t("outcomes.dashboard.approvedCol"), color: "#b45309" },
            { key: "moved", name: t("outcomes.dashboard.moved"), color: "#0f766e" },
          ]}
          t={t}
          locale={locale}
        />
        <ChartFigure
          title={t("outcomes.dashboard.returnedTitle")}
          labelHeader={t("outcomes.dashboard.month")}
          data={returns.months.map((m) => ({
            label: formatJalaliMonth(m.start, locale),
            units: m.units,
            kept: m.kept,
            created: m.created,
          }))}
          series={[
            { key: "units", name: t("outcomes.dashboard.units"), color: "#0f766e" },
            { key: "kept", name: t("outcomes.dashboard.jobsKept"), color: "#4d7c0f" },
            { key: "created", name: t("outcomes.dashboard.jobsCreated"), color: "#6d28d9" },
          ]}
          t={t}
          locale={locale}
        />
      </div>
      <Card title={t("outcomes.dashboard.returnedTitle")}>
        <p className="mb-2 text-xs text-slate-600">{t("outcomes.dashboard.returnedHint")}</p>
        <dl className="mb-3 flex flex-wrap gap-6 text-sm" data-testid="returns-total">
          <div>
            <dt className="text-slate-600">{t("outcomes.dashboard.units")}</dt>
            <dd className="text-lg font-bold">{n(returns.total.units)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("outcomes.dashboard.jobsKept")}</dt>
            <dd className="text-lg font-bold">{n(returns.total.kept)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("outcomes.dashboard.jobsCreated")}</dt>
            <dd className="text-lg font-bold">{n(returns.total.created)}</dd>
          </div>
        </dl>
        <dl className="mb-3 flex flex-wrap gap-6 text-sm" data-testid="case-outcomes">
          {CASE_OUTCOMES.map((o) => (
            <div key={o}>
              <dt className="text-slate-600">{t(`outcomes.closure.outcome.${o}`)}</dt>
              <dd className="text-lg font-bold">{n(returns.closures[o])}</dd>
            </div>
          ))}
        </dl>
        {[
          {
            key: "category",
            title: t("outcomes.dashboard.byCategory"),
            rows: returns.byCategory.map((r) => ({ ...r, id: r.code })),
            show: true,
          },
          {
            key: "province",
            title: t("outcomes.dashboard.byProvince"),
            rows: returns.byProvince,
            show: national,
          },
        ]
          .filter((x) => x.show && x.rows.length > 0)
          .map((x) => (
            <table key={x.key} className="mb-3 w-full text-sm" data-testid={`returns-by-${x.key}`}>
              <caption className="mb-1 text-start font-medium">{x.title}</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th className={head}>
                    {x.key === "category"
                      ? t("outcomes.dashboard.category")
                      : t("outcomes.dashboard.province")}
                  </th>
                  <th className={head}>{t("outcomes.dashboard.units")}</th>
                  <th className={head}>{t("outcomes.dashboard.jobsKept")}</th>
                  <th className={head}>{t("outcomes.dashboard.jobsCreated")}</th>
                </tr>
              </thead>
              <tbody>
                {x.rows.map((r) => (
                  <tr key={r.id} className="border-b border-slate-100">
                    <th scope="row" className={head}>
                      {localName(r, locale)}
                    </th>
                    <td className={cell}>{n(r.units)}</td>
                    <td className={cell}>{n(r.kept)}</td>
                    <td className={cell}>{n(r.created)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </Card>
    </div>
  );
}
