import "server-only";
import {
  formatDate,
  formatDateTime,
  formatDigits,
  formatList,
  formatNumber,
  localName,
} from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { docxProofFooter, docxVerification, docxWriter, packDocx } from "@/lib/print/docx";
import { provinceNames } from "@/lib/provinces/queries";
import { minutesResolutions, type MinutesAmendment } from "./minutes";
import type { MeetingDetail } from "./queries";
import { meetingTitle } from "./title";
import { answeredPositions, obstacleView } from "./views";

/**
 * The minutes as a Word file: what the printed minutes page shows (app/(app)/meetings/[id]/minutes)
 * in the reader's language — letterhead, number, date, attendance, each case with its obstacles
 * and, once approved, the resolutions as approved (the frozen copy), the dated amendments since,
 * the signature block and the verification code with its QR (on every page, in the footer).
 */
export async function minutesDocx(
  meeting: MeetingDetail,
  {
    amendments,
    verification,
    locale,
    t,
  }: {
    amendments: MinutesAmendment[];
    verification: { code: string; url: string } | null;
    locale: Locale;
    t: Translate;
  },
): Promise<Buffer> {
  const w = docxWriter(locale);
  const n = (v: number) => formatNumber(v, locale);
  const title = meetingTitle(meeting, locale, t);
  const province = await provinceNames(meeting.provinceId);
  const provinceName = province ? localName(province, locale) : null;
  const attendance = new Map(meeting.attendances.map((a) => [a.agencyId, a]));
  const present = meeting.attendances.filter((a) => a.mode !== "ABSENT").length;
  const absent = meeting.attendances.length - present;
  const resolutionsByItem = minutesResolutions(meeting);

  const letterhead = [
    w.paragraph({ text: t("print.republic"), bold: true }, { spacingAfter: 0 }),
    w.paragraph(provinceName ? t("print.governorate", { province: provinceName }) : t("print.national")),
    w.paragraph(
      { text: provinceName ? t("print.group", { province: provinceName }) : t("print.national"), bold: true },
      { align: "center" },
    ),
    w.paragraph(
      t("print.number", { number: formatDigits(`${meeting.jalaliYear}/${meeting.number}`, locale) }),
      {
        align: "end",
        spacingAfter: 0,
      },
    ),
    w.paragraph(t("print.date", { date: formatDate(meeting.startsAt, locale, { style: "short" }) }), {
      align: "end",
      spacingAfter: 0,
    }),
    w.paragraph(t("print.attachment"), { align: "end" }),
  ];
  const header = [
    w.paragraph(localName(meeting.body, locale), { align: "center", spacingAfter: 0 }),
    w.paragraph({ text: t("meetings.minutes.header", { title }), bold: true, size: 30 }, { align: "center" }),
    w.paragraph(`${formatDateTime(meeting.startsAt, locale)}${meeting.place ? ` — ${meeting.place}` : ""}`, {
      align: "center",
      spacingAfter: 0,
    }),
    w.paragraph(
      meeting.status === "MINUTES_APPROVED" && meeting.minutesApprovedAt
        ? t("meetings.minutes.approvedBy", {
            name: meeting.minutesApprovedBy?.name ?? t("meetings.minutes.chair"),
            date: formatDate(meeting.minutesApprovedAt, locale),
          })
        : t("meetings.minutes.notApproved"),
      { align: "center" },
    ),
  ];
  const expected = [
    ...meeting.body.members.map(({ agency }) => ({ agency, invited: false })),
    ...meeting.invitees.map(({ agency }) => ({ agency, invited: true })),
  ];
  const attendanceSection = [
    w.paragraph({ text: t("meetings.minutes.attendance"), bold: true, size: 26 }),
    w.paragraph(t("meetings.attendance.summary", { present: n(present), absent: n(absent) })),
    w.table(
      [t("meetings.attendance.agency"), t("meetings.attendance.mode"), t("meetings.attendance.attendee")],
      expected.map(({ agency, invited }) => {
        const a = attendance.get(agency.id);
        return [
          `${localName(agency, locale)}${invited ? ` (${t("meetings.invitees.invited")})` : ""}`,
          a ? t(`meetings.attendance.${a.mode}`) : t("meetings.attendance.notRecorded"),
          a?.attendeeName ?? "",
        ];
      }),
    ),
  ];
  const cases = [
    w.paragraph({ text: t("meetings.minutes.cases"), bold: true, size: 26 }),
    ...(meeting.agendaItems.length === 0 ? [w.paragraph(t("meetings.minutes.noCases"))] : []),
    ...meeting.agendaItems.flatMap((item, index) => {
      const resolutions = resolutionsByItem.get(item.id) ?? [];
      return [
        w.paragraph({
          text: `${n(index + 1)}. ${item.unit.name}${item.outcome ? ` (${t(`meetings.outcome.${item.outcome}`)})` : ""}`,
          bold: true,
        }),
        w.paragraph(
          { text: `${t("meetings.minutes.obstaclesDiscussed")}:`, bold: true },
          { spacingAfter: 0 },
        ),
        // Numbered in the text, not by Word's list numbering, which would print Latin digits.
        ...item.obstacles.map(({ obstacle }, position) => {
          const o = obstacleView(obstacle, locale);
          return w.paragraph(`${n(position + 1)}. ${o.description}${o.amount ? ` (${o.amount})` : ""}`, {
            spacingAfter: 0,
          });
        }),
        w.paragraph({ text: `${t("meetings.minutes.resolutions")}:`, bold: true }, { spacingAfter: 0 }),
        ...(resolutions.length === 0
          ? [w.paragraph(t("meetings.minutes.noResolutions"))]
          : resolutions.flatMap((r) => {
              const supporting =
                r.supportingAgencies.length > 0
                  ? ` — ${t("meetings.minutes.supportingShort", {
                      names: formatList(
                        r.supportingAgencies.map((s) => localName(s, locale)),
                        locale,
                      ),
                    })}`
                  : "";
              const answers =
                item.obstacles.length > 1
                  ? [
                      w.paragraph(
                        t("meetings.minutes.answers", {
                          list: formatList(
                            answeredPositions(
                              item.obstacles.map((l) => l.obstacle.id),
                              r.obstacleIds,
                            ).map(n),
                            locale,
                          ),
                        }),
                        { spacingAfter: 0 },
                      ),
                    ]
                  : [];
              return [
                w.paragraph(`${n(r.number)}. ${r.text}`, { spacingAfter: 0 }),
                w.paragraph(
                  {
                    text: `${t("resolution.agency")}: ${localName(r.responsibleAgency, locale)}${supporting} — ${t("resolution.deadline")}: ${formatDate(r.deadline, locale, { style: "short" })}`,
                    size: 18,
                  },
                  { spacingAfter: answers.length ? 0 : 120 },
                ),
                ...answers,
              ];
            })),
      ];
    }),
  ];
  const amendmentSection =
    amendments.length === 0
      ? []
      : [
          w.paragraph({ text: t("meetings.minutes.amendments"), bold: true, size: 26 }),
          w.paragraph({ text: t("meetings.minutes.amendmentsHint"), size: 18 }),
          ...amendments.flatMap((a) => [
            w.paragraph(`${a.date}: ${a.lines.join(" ")}`, { spacingAfter: a.reason ? 0 : 120 }),
            ...(a.reason
              ? [w.paragraph({ text: t("meetings.minutes.amendmentReason", { reason: a.reason }), size: 18 })]
              : []),
          ]),
        ];
  const signatures = [
    w.paragraph(""),
    w.table(
      [t("meetings.minutes.secretary"), t("meetings.minutes.chair")],
      [
        [meeting.body.secretaryName ?? "", meeting.body.chairName ?? ""],
        [t("print.signHere"), t("print.signHere")],
      ],
    ),
  ];
  // Approved minutes carry their code and QR at the foot of every page and once at the end
  // (docs/decisions/311-word-paper-footer.md); minutes not yet approved have no code.
  return packDocx(
    [
      {
        children: [
          ...letterhead,
          ...header,
          ...attendanceSection,
          ...cases,
          ...amendmentSection,
          ...signatures,
          ...(verification ? await docxVerification(w, verification, t) : []),
        ],
        footer: verification ? await docxProofFooter(w, verification, t) : undefined,
      },
    ],
    { title: t("meetings.minutes.header", { title }), locale },
  );
}
