import "server-only";
import { formatOrdinal, localName, isRtl, formatList } from "@/lib/i18n/format";
import { exportDate } from "@/lib/exports/dates";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { toXlsx, type Column } from "@/lib/reports/xlsx";
import type { MeetingDetail } from "./queries";
import { meetingTitle } from "./title";

type Row = {
  n: number;
  item: MeetingDetail["agendaItems"][number];
  r: MeetingDetail["agendaItems"][number]["resolutions"][number];
};

/** A session's resolutions as one sheet, in minutes order, under the session's title. */
export async function meetingResolutionsXlsx(
  meeting: MeetingDetail,
  locale: Locale,
  t: Translate,
): Promise<Uint8Array<ArrayBuffer>> {
  const rows = meeting.agendaItems
    .flatMap((item) => item.resolutions.map((r) => ({ item, r })))
    .map((row, i): Row => ({ n: i + 1, ...row }));
  const date = exportDate(locale);
  const columns: Column<Row>[] = [
    { header: t("meetings.xlsx.row"), width: 6, wrap: true, value: ({ n }) => n },
    { header: t("meetings.xlsx.unit"), width: 32, wrap: true, value: ({ item }) => item.unit.name },
    { header: t("meetings.xlsx.text"), width: 70, wrap: true, value: ({ r }) => r.text },
    {
      header: t("meetings.xlsx.responsible"),
      width: 30,
      wrap: true,
      value: ({ r }) => localName(r.responsibleAgency, locale),
    },
    {
      header: t("meetings.xlsx.supporting"),
      width: 30,
      wrap: true,
      value: ({ r }) =>
        formatList(
          r.supportingAgencies.map((s) => localName(s.agency, locale)),
          locale,
        ),
    },
    {
      header: t("meetings.xlsx.deadline"),
      width: 14,
      wrap: true,
      value: ({ r }) => date(r.deadline),
    },
    {
      header: t("meetings.xlsx.status"),
      width: 14,
      wrap: true,
      value: ({ r }) => t(`resolutionStatus.${r.status}`),
    },
  ];
  return toXlsx(t("meetings.xlsx.sheet"), columns, rows, {
    rtl: isRtl(locale),
    title: meetingTitle(meeting, locale, t),
  });
}

export const meetingResolutionsFileName = (meeting: Pick<MeetingDetail, "jalaliYear" | "number" | "body">) =>
  `resolutions-${meeting.jalaliYear}-${formatOrdinal(meeting.number, "en")}-${meeting.body.kind.toLowerCase()}.xlsx`;
