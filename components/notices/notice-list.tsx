import Link from "next/link";
import { formatDate, formatDateTime, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { noticeNumberLabel } from "@/lib/notices/number";
import { meetingTitle } from "@/lib/meetings/title";
import { EmptyState } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";

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
  return (
    <table className="w-full text-sm">
      <TableHead
        labels={[
          t("notices.number"),
          t("notices.date"),
          ...(showAgency ? [t("resolution.agency")] : []),
          t("notices.subjectColumn"),
          t("notices.receipt"),
        ]}
      />
      <tbody>
        {items.map((n) => (
          <tr key={n.id} className="border-b border-slate-100">
            <td className="p-2">
              <Link href={`/notices/${n.id}`} className="text-brand-700 underline-offset-4 hover:underline">
                {t("notices.linkLabel", { number: noticeNumberLabel(n, locale) })}
              </Link>
            </td>
            <td className="p-2">{formatDate(n.issuedAt, locale, { style: "short" })}</td>
            {showAgency && <td className="p-2">{localName(n.agency, locale)}</td>}
            <td className="p-2">
              {n.meeting ? meetingTitle(n.meeting, locale, t) : t("notices.reassignmentSource")}
            </td>
            <td className="p-2">
              {n.acknowledgedAt
                ? t("notices.acknowledgedBy", {
                    name: n.acknowledgedBy?.name ?? "—",
                    date: formatDateTime(n.acknowledgedAt, locale, { style: "short" }),
                  })
                : n.workingDays !== undefined
                  ? `${t("notices.notAcknowledged")} — ${t("dashboard.unacknowledgedDays", { days: formatNumber(n.workingDays, locale) })}`
                  : t("notices.notAcknowledged")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
