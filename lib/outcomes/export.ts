import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { keptFigures } from "@/lib/cache";
import { formatJalaliMonth, isRtl, localName, todayInTehran } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { toXlsx, type Cell, type Column } from "@/lib/reports/xlsx";
import { moneyByBank, moved, returnsToProduction, type MoneyRow } from "./queries";

/** A number cell while it is exact in a spreadsheet (2^53 rials); beyond that, its digits. */
const rials = (v: bigint): Cell => (v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString());

/** The dashboard's money per bank per month, the same rows the page sums, as .xlsx. */
export async function moneyXlsx(
  actor: Actor,
  locale: Locale,
  t: Translate,
  today = todayInTehran(),
): Promise<{ bytes: Uint8Array<ArrayBuffer>; fileName: string }> {
  // Kept as the dashboard's figures are (lib/cache.ts): the same rows until the province changes.
  const { months, rows } = await keptFigures(actor, ["money", today], () => moneyByBank(actor, 12, today));
  const provinces = actor.provinceId === null;
  const columns: Column<MoneyRow>[] = [
    { header: t("outcomes.dashboard.bank"), width: 36, value: (r) => localName(r, locale) },
    ...(provinces
      ? [
          {
            header: t("outcomes.dashboard.province"),
            width: 14,
            value: (r: MoneyRow) => localName(r.province, locale),
          },
        ]
      : []),
    {
      header: t("outcomes.dashboard.month"),
      width: 16,
      value: (r) => {
        const m = months[r.month];
        return m ? formatJalaliMonth(m.start, locale) : "";
      },
    },
    { header: t("outcomes.dashboard.requested"), width: 20, value: (r) => rials(r.requested) },
    { header: t("outcomes.dashboard.approvedCol"), width: 20, value: (r) => rials(r.approved) },
    { header: t("outcomes.dashboard.rescheduled"), width: 20, value: (r) => rials(r.rescheduled) },
    { header: t("outcomes.dashboard.released"), width: 20, value: (r) => rials(r.released) },
    { header: t("outcomes.dashboard.guaranteed"), width: 20, value: (r) => rials(r.guaranteed) },
    { header: t("outcomes.dashboard.moved"), width: 20, value: (r) => rials(moved(r)) },
  ];
  return {
    bytes: await toXlsx(t("outcomes.dashboard.moneyTitle"), columns, rows, { rtl: isRtl(locale) }),
    fileName: `tashil-bank-money-${today}.xlsx`,
  };
}

type ReturnsRow = { group: string; name: string; units: number; kept: number; created: number };

/**
 * Units back in production and jobs kept and created (issue #36), the dashboard's tables as
 * .xlsx: by month (the charted twelve), by obstacle category and, for a national viewer, by
 * province — one sheet, the table named in its first column, the same query as the page.
 */
export async function returnsXlsx(
  actor: Actor,
  locale: Locale,
  t: Translate,
  today = todayInTehran(),
): Promise<{ bytes: Uint8Array<ArrayBuffer>; fileName: string }> {
  const returns = await returnsToProduction(actor, 12, today);
  const rows: ReturnsRow[] = [
    ...returns.months.map((m) => ({
      group: t("outcomes.dashboard.month"),
      name: formatJalaliMonth(m.start, locale),
      ...m,
    })),
    ...returns.byCategory.map((c) => ({
      group: t("outcomes.dashboard.category"),
      name: localName(c, locale),
      ...c,
    })),
    ...(actor.provinceId === null
      ? returns.byProvince.map((p) => ({
          group: t("outcomes.dashboard.province"),
          name: localName(p, locale),
          ...p,
        }))
      : []),
  ];
  const columns: Column<ReturnsRow>[] = [
    { header: "", width: 14, value: (r) => r.group },
    { header: "", width: 30, value: (r) => r.name },
    { header: t("outcomes.dashboard.units"), width: 12, value: (r) => r.units },
    { header: t("outcomes.dashboard.jobsKept"), width: 16, value: (r) => r.kept },
    { header: t("outcomes.dashboard.jobsCreated"), width: 16, value: (r) => r.created },
  ];
  return {
    bytes: await toXlsx(t("outcomes.dashboard.returnedTitle"), columns, rows, { rtl: isRtl(locale) }),
    fileName: `tashil-returns-${today}.xlsx`,
  };
}
