import Link from "next/link";
import { formatDate, formatDateTime, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { noticeNumberLabel } from "@/lib/notices/number";
import { meetingTitle } from "@/lib/meetings/title";
import { EmptyState } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";
import { stacked } from "@/components/ui/stacked-table";

type NoticeRow = {
  id: string;
  number: number;
  jalaliYear: number;
  issuedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: { name: string } | null;
  agency: { nameFa: string; nameEn: string };
  meeting: { number: number; jalaliYear: number; body: { kind: "WORKING_GROUP" | "COMMITTEE" } } | null;
  workingDays?: number;
};

/** Notices as a table: number, date, agency, session, and whether (and by whom) received. */
export function NoticeList({
  items,
  t,
  locale,
  empty,
  showAgency,
}: {
  items: NoticeRow[];
  t: Translate;
  locale: Locale;
  empty: string;
  showAgency: boolean;
}) {
  if (items.length === 0) return <EmptyState>{empty}</EmptyState>;
  const receipt = (n: NoticeRow) =>
    n.acknowledgedAt
      ? t("notices.acknowledgedBy", {
          name: n.acknowledgedBy?.name ?? "—",
          date: formatDateTime(n.acknowledgedAt, locale, { style: "short" }),
        })
      : n.workingDays !== undefined
        ? `${t("notices.notAcknowledged")} — ${t("dashboard.unacknowledgedDays", { days: formatNumber(n.workingDays, locale) })}`
        : t("notices.notAcknowledged");
  // Stacked on a phone: each notice a card with its receipt in view (issue #30).
  return (
    <div className={stacked.wrapper}>
      <table className={stacked.table}>
        <TableHead
          className={`border-b border-slate-200 text-slate-600 ${stacked.head}`}
          labels={[
            t("notices.number"),
            t("notices.date"),
            ...(showAgency ? [t("resolution.agency")] : []),
            t("notices.subjectColumn"),
            t("notices.receipt"),
          ]}
        />
        <tbody className={stacked.body}>
          {items.map((n) => (
            <tr key={n.id} className={`border-b border-slate-100 ${stacked.row}`}>
              <th scope="row" className="p-2 text-start font-normal phone:block phone:font-medium">
                <Link href={`/notices/${n.id}`} className="text-brand-700 underline-offset-4 hover:underline">
                  {t("notices.linkLabel", { number: noticeNumberLabel(n, locale) })}
                </Link>
              </th>
              <td className={`p-2 ${stacked.cell}`} data-label={t("notices.date")}>
                {formatDate(n.issuedAt, locale, { style: "short" })}
              </td>
              {showAgency && (
                <td className={`p-2 ${stacked.cell}`} data-label={t("resolution.agency")}>
                  {localName(n.agency, locale)}
                </td>
              )}
              <td className={`p-2 ${stacked.cell}`} data-label={t("notices.subjectColumn")}>
                {n.meeting ? meetingTitle(n.meeting, locale, t) : t("notices.reassignmentSource")}
              </td>
              <td className={`p-2 ${stacked.cell}`} data-label={t("notices.receipt")}>
                {receipt(n)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
