import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { formatJalaliMonth, isRtl, localName, todayInTehran } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { toXlsx, type Cell, type Column } from "@/lib/reports/xlsx";
import { moneyByBank, moved, type MoneyRow } from "./queries";

/** A number cell while it is exact in a spreadsheet (2^53 rials); beyond that, its digits. */
const rials = (v: bigint): Cell => (v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString());

/** The dashboard's money per bank per month, the same rows the page sums, as .xlsx. */
export async function moneyXlsx(
  actor: Actor,
  locale: Locale,
  t: Translate,
  today = todayInTehran(),
): Promise<{ bytes: Uint8Array<ArrayBuffer>; fileName: string }> {
  const { months, rows } = await moneyByBank(actor, 12, today);
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
