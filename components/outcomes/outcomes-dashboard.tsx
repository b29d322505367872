import { formatJalaliMonth, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import {
  moved,
  sumMoney,
  type MoneyTotals,
  type moneyByBank,
  type returnsToProduction,
} from "@/lib/outcomes/queries";
import { Card, EmptyState } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { ChartFigure } from "@/components/dashboard/chart-figure";
import { CASE_OUTCOMES } from "@/lib/outcomes/constants";
import { ReturnsTable } from "./returns-tables";

type Money = Awaited<ReturnType<typeof moneyByBank>>;
type Returns = Awaited<ReturnType<typeof returnsToProduction>>;
type Words = { t: Translate; locale: Locale };

const BILLION = 1_000_000_000n;
/** Billions of rials with one decimal, for the chart's axis (the tables keep every rial). */
const billions = (v: bigint) => Number((v * 10n) / BILLION) / 10;
const HEAD = "p-2 text-start font-medium";

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
  return (
    <div className="space-y-6">
      <MoneyCard money={money} national={national} exportable={exportable} t={t} locale={locale} />
      <div className="grid gap-4 lg:grid-cols-2">
        <MoneyChart money={money} t={t} locale={locale} />
        <ReturnsChart returns={returns} t={t} locale={locale} />
      </div>
      <ReturnsCard returns={returns} national={national} t={t} locale={locale} />
    </div>
  );
}

/** A row's six sums: requested, approved, and the three ways money moved, then their total. */
function MoneyCells({ m, locale }: { m: MoneyTotals; locale: Locale }) {
  return [m.requested, m.approved, m.rescheduled, m.released, m.guaranteed, moved(m)].map((v, i) => (
    <td key={i} className="p-2 tabular-nums">
      {formatNumber(v, locale)}
    </td>
  ));
}

function MoneyHeads({ first, t }: { first: string[]; t: Translate }) {
  const heads = [
    ...first,
    t("outcomes.dashboard.requested"),
    t("outcomes.dashboard.approvedCol"),
    t("outcomes.dashboard.rescheduled"),
    t("outcomes.dashboard.released"),
    t("outcomes.dashboard.guaranteed"),
    t("outcomes.dashboard.moved"),
  ];
  return (
    <thead className="border-b border-slate-200 text-slate-600">
      <tr>
        {heads.map((h) => (
          <th key={h} className={HEAD}>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Money per bank (and its province on a national page), with the total under it. */
function MoneyByBank({ money, national, t, locale }: { money: Money; national: boolean } & Words) {
  const perBank = sumMoney(money.rows, (r) => r.agencyId);
  const banks = [...new Map(money.rows.map((r) => [r.agencyId, r])).values()];
  const all = sumMoney(money.rows, () => "all").get("all");
  if (banks.length === 0 || !all) return <EmptyState>{t("outcomes.dashboard.noMoney")}</EmptyState>;
  const first = [t("outcomes.dashboard.bank"), ...(national ? [t("outcomes.dashboard.province")] : [])];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="money-by-bank">
        <MoneyHeads first={first} t={t} />
        <tbody>
          {banks.map((b) => {
            const m = perBank.get(b.agencyId);
            return (
              m && (
                <tr key={b.agencyId} className="border-b border-slate-100" data-bank={b.agencyId}>
                  <th scope="row" className={HEAD}>
                    {localName(b, locale)}
                  </th>
                  {national && <td className="p-2">{localName(b.province, locale)}</td>}
                  <MoneyCells m={m} locale={locale} />
                </tr>
              )
            );
          })}
        </tbody>
        <tfoot className="font-bold">
          <tr>
            <th scope="row" className={HEAD} colSpan={national ? 2 : 1}>
              {t("outcomes.dashboard.total")}
            </th>
            <MoneyCells m={all} locale={locale} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** On a national page: the same sums per province. */
function MoneyByProvince({ money, t, locale }: { money: Money } & Words) {
  const perProvince = sumMoney(money.rows, (r) => r.provinceId);
  const provinces = [...new Map(money.rows.map((r) => [r.provinceId, r])).values()];
  if (provinces.length === 0) return null;
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full text-sm" data-testid="money-by-province">
        <caption className="mb-1 text-start font-medium">{t("outcomes.dashboard.byProvince")}</caption>
        <MoneyHeads first={[t("outcomes.dashboard.province")]} t={t} />
        <tbody>
          {provinces.map((p) => {
            const m = perProvince.get(p.provinceId);
            return (
              m && (
                <tr key={p.provinceId} className="border-b border-slate-100">
                  <th scope="row" className={HEAD}>
                    {localName(p.province, locale)}
                  </th>
                  <MoneyCells m={m} locale={locale} />
                </tr>
              )
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function MoneyCard({
  money,
  national,
  exportable,
  t,
  locale,
}: { money: Money; national: boolean; exportable: boolean } & Words) {
  return (
    <Card title={t("outcomes.dashboard.moneyTitle")}>
      <p className="mb-2 text-xs text-slate-600">{t("outcomes.dashboard.moneyHint")}</p>
      {exportable && (
        <div className="no-print mb-2">
          <ButtonLink variant="secondary" href="/api/reports/money">
            {t("outcomes.dashboard.export")}
          </ButtonLink>
        </div>
      )}
      <MoneyByBank money={money} national={national} t={t} locale={locale} />
      {national && <MoneyByProvince money={money} t={t} locale={locale} />}
    </Card>
  );
}

function MoneyChart({ money, t, locale }: { money: Money } & Words) {
  const perMonth = sumMoney(money.rows, (r) => r.month);
  return (
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
  );
}

function ReturnsChart({ returns, t, locale }: { returns: Returns } & Words) {
  return (
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
  );
}

/** A line of big figures, each with its label above. */
function Figures({
  items,
  testId,
}: {
  items: { key: string; label: string; value: string }[];
  testId: string;
}) {
  return (
    <dl className="mb-3 flex flex-wrap gap-6 text-sm" data-testid={testId}>
      {items.map((i) => (
        <div key={i.key}>
          <dt className="text-slate-600">{i.label}</dt>
          <dd className="text-lg font-bold">{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Units back in production: the totals, how the cases closed, by category and by province. */
function ReturnsCard({ returns, national, t, locale }: { returns: Returns; national: boolean } & Words) {
  const n = (v: number) => formatNumber(v, locale);
  const tables = [
    {
      key: "category",
      title: t("outcomes.dashboard.byCategory"),
      label: t("outcomes.dashboard.category"),
      rows: returns.byCategory.map((r) => ({ ...r, id: r.code, name: localName(r, locale) })),
      show: true,
    },
    {
      key: "province",
      title: t("outcomes.dashboard.byProvince"),
      label: t("outcomes.dashboard.province"),
      rows: returns.byProvince.map((r) => ({ ...r, name: localName(r, locale) })),
      show: national,
    },
  ];
  return (
    <Card title={t("outcomes.dashboard.returnedTitle")}>
      <p className="mb-2 text-xs text-slate-600">{t("outcomes.dashboard.returnedHint")}</p>
      <Figures
        testId="returns-total"
        items={[
          { key: "units", label: t("outcomes.dashboard.units"), value: n(returns.total.units) },
          { key: "kept", label: t("outcomes.dashboard.jobsKept"), value: n(returns.total.kept) },
          { key: "created", label: t("outcomes.dashboard.jobsCreated"), value: n(returns.total.created) },
        ]}
      />
      <Figures
        testId="case-outcomes"
        items={CASE_OUTCOMES.map((o) => ({
          key: o,
          label: t(`outcomes.closure.outcome.${o}`),
          value: n(returns.closures[o]),
        }))}
      />
      {tables
        .filter((x) => x.show && x.rows.length > 0)
        .map((x) => (
          <ReturnsTable
            key={x.key}
            caption={x.title}
            label={x.label}
            rows={x.rows}
            testId={`returns-by-${x.key}`}
            className="mb-3 w-full text-sm"
            t={t}
            locale={locale}
          />
        ))}
    </Card>
  );
}
