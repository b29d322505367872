import Link from "next/link";
import { listHref } from "@/lib/units/url";
import { formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { intakeComparison } from "@/lib/requests/figures";
import type { ComparisonFilters } from "@/lib/provinces/schema";
import { TableHead } from "@/components/ui/table-head";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

// The province comparison's period form and its table of units' own requests
// (app/(app)/provinces/page.tsx).

/** The period (Jalali, as typed) over which the provinces are compared; sort and count kept. */
export function PeriodForm({
  sort,
  dir,
  late,
  period,
  t,
}: {
  sort: ComparisonFilters["sort"];
  dir: ComparisonFilters["dir"];
  late: "working" | undefined;
  period: { from: string | undefined; to: string | undefined };
  t: Translate;
}) {
  return (
    <form
      method="get"
      aria-label={t("provinces.period")}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <input type="hidden" name="sort" value={sort} />
      <input type="hidden" name="dir" value={dir} />
      {late && <input type="hidden" name="late" value={late} />}
      {(["from", "to"] as const).map((k) => (
        <div key={k} className="space-y-1">
          <label htmlFor={`cmp-${k}`} className="block text-xs font-medium text-slate-700">
            {t(`provinces.${k}`)}
          </label>
          <input
            id={`cmp-${k}`}
            name={k}
            defaultValue={period[k] ?? ""}
            placeholder={t("dashboard.datePlaceholder")}
            inputMode="numeric"
            dir="ltr"
            className={inputClass}
          />
        </div>
      ))}
      <button type="submit" className={buttonClass("primary")}>
        {t("provinces.show")}
      </button>
      <Link href={listHref("/provinces", { late })} className={buttonClass("ghost")}>
        {t("dashboard.clear")}
      </Link>
    </form>
  );
}

/** Units' own requests by province: waiting, and the days to the committee and to a resolution. */
export function IntakeComparison({
  intake,
  t,
  locale,
}: {
  intake: Awaited<ReturnType<typeof intakeComparison>>;
  t: Translate;
  locale: Locale;
}) {
  const days = (v: number | null) => (v === null ? t("requests.figNone") : formatNumber(v, locale));
  return (
    <Card title={t("requests.figuresTitle")}>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <TableHead
            className="border-b border-slate-200"
            labels={[
              t("requests.figProvince"),
              t("requests.figWaiting"),
              t("requests.figToCommittee"),
              t("requests.figToResolution"),
            ]}
          />
          <tbody>
            {intake.map((p) => (
              <tr key={p.id} className="border-b border-slate-100">
                <th scope="row" className="p-2 text-start font-normal">
                  {localName(p, locale)}
                </th>
                <td className="p-2">{formatNumber(p.waiting, locale)}</td>
                <td className="p-2">{days(p.toCommitteeDays)}</td>
                <td className="p-2">{days(p.toResolutionDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
