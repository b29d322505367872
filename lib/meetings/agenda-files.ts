import "server-only";
import { formatDateTime, formatDigits, formatNumber, isRtl, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { docxWriter, packDocx } from "@/lib/print/docx";
import { provinceNames } from "@/lib/provinces/queries";
import { toXlsx, type Column } from "@/lib/reports/xlsx";
import type { MeetingDetail } from "./queries";
import { meetingTitle } from "./title";
import { agendaItemViews } from "./views";

// The agenda for the paper office (issue #37 §4): a Word file to print and forward with the
// invitation, and a spreadsheet to sort and annotate. Both show what the session page's agenda
// shows, in the reader's language: right-to-left and Persian digits on a Persian file. In the
// spreadsheet every figure is text in the reader's digits (row "۱-۲", an amount in rials), not
// a number cell: a number cell is drawn in the spreadsheet program's digits, which for most
// Iranian offices' Excel and LibreOffice are Latin (docs/decisions/234-agenda-files-and-libreoffice-test.md).

type Line = {
  row: string;
  unit: string;
  manager: string;
  obstacle: string;
  category: string;
  amount: string;
  presenter: string;
};

/** One line per obstacle (an item without obstacles keeps one line), numbered item-obstacle. */
export function agendaLines(meeting: MeetingDetail, locale: Locale, t: Translate): Line[] {
  const managers = new Map(meeting.agendaItems.map((i) => [i.id, i.unit.managerName ?? ""]));
  return agendaItemViews(meeting, locale).flatMap((item, index) => {
    const n = index + 1;
    const base = { unit: item.unitName, manager: managers.get(item.id) ?? "", presenter: item.presenter };
    if (item.obstacles.length === 0)
      return [
        {
          ...base,
          row: formatNumber(n, locale),
          obstacle: t("meetings.agendaFiles.noObstacle"),
          category: "",
          amount: "",
        },
      ];
    return item.obstacles.map((o, k) => ({
      ...base,
      row: formatDigits(`${n}-${k + 1}`, locale),
      obstacle: o.description,
      category: o.category,
      amount: o.amount ?? "",
    }));
  });
}

function heading(meeting: MeetingDetail, locale: Locale, t: Translate) {
  return {
    title: t("meetings.agendaFiles.title", { meeting: meetingTitle(meeting, locale, t) }),
    when: t("meetings.agendaFiles.when", {
      when: formatDateTime(meeting.startsAt, locale, { style: "long" }),
    }),
    place: t("meetings.agendaFiles.place", { place: meeting.place ?? t("invitations.noPlace") }),
  };
}

/** The agenda as a Word file: letterhead, the session, then one table row per obstacle. */
export async function agendaDocx(meeting: MeetingDetail, locale: Locale, t: Translate): Promise<Buffer> {
  const w = docxWriter(locale);
  const province = await provinceNames(meeting.provinceId);
  const provinceName = province ? localName(province, locale) : null;
  const h = heading(meeting, locale, t);
  // A draft: no verification code, so no proof footer (only approved papers carry one).
  return packDocx(
    [
      {
        children: [
          w.paragraph({ text: t("print.republic"), bold: true }, { spacingAfter: 0 }),
          w.paragraph(
            provinceName ? t("print.governorate", { province: provinceName }) : t("print.national"),
          ),
          w.paragraph(
            { text: localName(meeting.body, locale), bold: true },
            { align: "center", spacingAfter: 0 },
          ),
          w.paragraph({ text: h.title, bold: true, size: 30 }, { align: "center" }),
          w.paragraph(h.when, { spacingAfter: 0 }),
          w.paragraph(h.place),
          w.table(
            [
              t("meetings.agendaFiles.row"),
              t("meetings.agendaFiles.unit"),
              t("meetings.agendaFiles.obstacle"),
              t("meetings.agendaFiles.amount"),
              t("meetings.agendaFiles.presenter"),
            ],
            agendaLines(meeting, locale, t).map((l) => [
              l.row,
              l.unit,
              l.category ? `${l.obstacle} (${l.category})` : l.obstacle,
              l.amount,
              l.presenter,
            ]),
          ),
        ],
      },
    ],
    { title: h.title, locale },
  );
}

/** The agenda as one sheet, right-to-left in Persian, under the session's title. */
export function agendaXlsx(meeting: MeetingDetail, locale: Locale, t: Translate) {
  const columns: Column<Line>[] = [
    { header: t("meetings.agendaFiles.row"), width: 8, value: (l) => l.row },
    { header: t("meetings.agendaFiles.unit"), width: 30, wrap: true, value: (l) => l.unit },
    { header: t("meetings.agendaFiles.manager"), width: 20, wrap: true, value: (l) => l.manager },
    { header: t("meetings.agendaFiles.obstacle"), width: 60, wrap: true, value: (l) => l.obstacle },
    { header: t("meetings.agendaFiles.category"), width: 30, wrap: true, value: (l) => l.category },
    { header: t("meetings.agendaFiles.amount"), width: 24, value: (l) => l.amount },
    { header: t("meetings.agendaFiles.presenter"), width: 20, wrap: true, value: (l) => l.presenter },
  ];
  const h = heading(meeting, locale, t);
  return toXlsx(t("meetings.agendaFiles.sheet"), columns, agendaLines(meeting, locale, t), {
    rtl: isRtl(locale),
    title: `${h.title} — ${h.when.replace(/^[^:]*:\s*/, "")}`,
  });
}

export const agendaFileName = (meeting: Pick<MeetingDetail, "jalaliYear" | "number">, ext: "docx" | "xlsx") =>
  `agenda-${meeting.jalaliYear}-${meeting.number}.${ext}`;
