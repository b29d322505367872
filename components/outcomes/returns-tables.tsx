import { formatJalaliMonth, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { returnsFigures } from "@/lib/outcomes/queries";

type Returns = Awaited<ReturnType<typeof returnsFigures>>;

/**
 * Units back in production and jobs kept and created, by month, by obstacle category and (on a
 * page of several provinces) by province, as
 * plain tables: the public figures page shows them (issue #36) with the same numbers as the
 * dashboard (lib/outcomes/queries.ts returnsFigures), and a table reads on any phone.
 */
export function ReturnsTables({ returns, t, locale }: { returns: Returns; t: Translate; locale: Locale }) {
  const n = (v: number) => formatNumber(v, locale);
  const head = "p-2 text-start font-medium";
  const cell = "p-2 tabular-nums";
  const tables = [
    {
      key: "month",
      title: t("outcomes.dashboard.returnedTitle"),
      label: t("outcomes.dashboard.month"),
      rows: returns.months.map((m) => ({ ...m, id: m.start, name: formatJalaliMonth(m.start, locale) })),
    },
    {
      key: "category",
      title: t("outcomes.dashboard.byCategory"),
      label: t("outcomes.dashboard.category"),
      rows: returns.byCategory.map((r) => ({ ...r, id: r.code, name: localName(r, locale) })),
    },
    // By province when the page covers more than one (the published provinces, issue #36).
    ...(returns.byProvince.length > 1
      ? [
          {
            key: "province",
            title: t("outcomes.dashboard.byProvince"),
            label: t("outcomes.dashboard.province"),
            rows: returns.byProvince.map((r) => ({ ...r, name: localName(r, locale) })),
          },
        ]
      : []),
  ];
  return (
    <div className="space-y-4">
      {tables
        .filter((x) => x.rows.length > 0)
        .map((x) => (
          <table key={x.key} className="w-full text-sm" data-testid={`public-returns-by-${x.key}`}>
            <caption className="mb-1 text-start font-medium">{x.title}</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th className={head}>{x.label}</th>
                <th className={head}>{t("outcomes.dashboard.units")}</th>
                <th className={head}>{t("outcomes.dashboard.jobsKept")}</th>
                <th className={head}>{t("outcomes.dashboard.jobsCreated")}</th>
              </tr>
            </thead>
            <tbody>
              {x.rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-100">
                  <th scope="row" className={head}>
                    {r.name}
                  </th>
                  <td className={cell}>{n(r.units)}</td>
                  <td className={cell}>{n(r.kept)}</td>
                  <td className={cell}>{n(r.created)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </div>
  );
}
