import "server-only";
import { db } from "@/lib/db";
import { keptFigures } from "@/lib/cache";
import { appUrl } from "@/lib/app-url";
import { authorize, type Actor } from "@/lib/auth/policy";
import {
  addDays,
  calendarDate,
  formatDate,
  formatNumber,
  formatRials,
  isRtl,
  jalaliParts,
  jalaliToGregorian,
  localName,
  todayInTehran,
} from "@/lib/i18n/format";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";
import { OPEN_STATUSES } from "@/lib/resolutions/status";
import { exclusively } from "@/lib/notifications/digests";
import { deliver, type Mail } from "@/lib/notifications/deliver";
import { transportFromEnv, type MailTransport } from "@/lib/notifications/mailer";
import { moneyMovedBetween } from "./queries";
import { returnsBetween } from "./returns-sql";
import { weeklyRecipientsSetting } from "./settings";
import { PROGRESS_SELECT, progressOfRow } from "./progress";

/** How many reported-on resolutions the report lists. */
const PROGRESSED_LISTED = 20;

// The governor's weekly report (issue #36): one page a week per province — sessions held,
// resolutions issued and carried out, the agencies with most overdue, money the banks moved
// this week and this month, units back in production, heads absent. Sent every Saturday at
// 08:00 Tehran time to the province's recipients (a setting), and printable on demand.
//
// Exactly one per recipient per week, even with two workers or a retried job:
// - the run holds a PostgreSQL advisory lock (exclusively), so a second worker waits;
// - each e-mail's key is `governorWeekly:<province>:<week's first day>`, unique per address
//   (EmailMessage), so a second run inserts nothing and sends nothing;
// - a DigestRun row marks the province's week done, so later runs skip it without work.

export const WEEKLY_KIND = "governorWeekly";

/** The last full week (Saturday to Friday, the Iranian week) before `today`. */
export function reportWeek(today: string): { from: string; to: string } {
  const dow = new Date(`${today}T12:00:00Z`).getUTCDay(); // 5 = Friday, 6 = Saturday
  const to = addDays(today, -((dow - 5 + 7) % 7 || 7));
  return { from: addDays(to, -6), to };
}

export type WeeklyReport = Awaited<ReturnType<typeof weeklyReport>>;

/** The figures of one province's week, each one query over the rows. */
export async function weeklyReport(
  provinceId: string,
  week: { from: string; to: string },
  today = todayInTehran(),
) {
  const province = await db.province.findUniqueOrThrow({
    where: { id: provinceId },
    select: { id: true, nameFa: true, nameEn: true },
  });
  const start = new Date(`${week.from}T00:00:00+03:30`);
  const end = new Date(`${addDays(week.to, 1)}T00:00:00+03:30`);
  const { year, month } = jalaliParts(week.to);
  const monthStart = jalaliToGregorian(year, month, 1);
  const open = [...OPEN_STATUSES];
  const [sessions, issued, verified, overdue, moneyWeek, moneyMonth, returned, absent, progressedIds] =
    await Promise.all([
      db.meeting.count({
        where: { provinceId, status: { not: "PLANNED" }, startsAt: { gte: start, lt: end } },
      }),
      db.resolution.count({
        where: { provinceId, status: { not: "CANCELLED" }, createdAt: { gte: start, lt: end } },
      }),
      db.resolution.count({ where: { provinceId, status: "VERIFIED", verifiedAt: { gte: start, lt: end } } }),
      db.$queryRaw<{ nameFa: string; nameEn: string; n: number }[]>`
      select a."nameFa", a."nameEn", count(*)::int as n
      from "Resolution" r join "Agency" a on a.id = r."responsibleAgencyId"
      where r."provinceId" = ${provinceId} and r.status = any(${open}::"ResolutionStatus"[])
        and r.deadline < ${today}::date
      group by a.id, 1, 2 order by n desc, a."nameFa" limit 5`,
      moneyMovedBetween(provinceId, week.from, week.to),
      moneyMovedBetween(provinceId, monthStart, week.to),
      // The week's returns only (returnsBetween), not every unit's history.
      db.$queryRaw<{ name: string; changed_on: Date; kept: number; created: number }[]>`
      select u.name, ret.changed_on, ret.kept::int as kept, ret.created::int as created
      from (${returnsBetween(week.from, week.to)}) ret join "ProductionUnit" u on u.id = ret.unit_id
      where ret.province_id = ${provinceId}
      order by ret.changed_on, u.name`,
      db.$queryRaw<{ nameFa: string; nameEn: string; mode: string; startsAt: Date }[]>`
      select a."nameFa", a."nameEn", at.mode::text as mode, m."startsAt"
      from "Attendance" at join "Meeting" m on m.id = at."meetingId" join "Agency" a on a.id = at."agencyId"
      where m."provinceId" = ${provinceId} and m.status <> 'PLANNED' and at.mode <> 'HEAD'
        and m."startsAt" >= ${start} and m."startsAt" < ${end}
      order by m."startsAt", a."nameFa"`,
      // Resolutions an agency reported on this week, soonest deadline first: the week's reports
      // read first (by "ProgressReport_createdAt_resolutionId_idx"), then their resolutions.
      // Walking the province's resolutions by deadline and probing each for a report in the
      // week read 88,826 of them at ten-year size (issue #34, docs/performance.md).
      // (Written as a join on the week's distinct ids: as `r.id in (…)` the planner chose that
      // walk again, 756 ms against 55 ms.)
      db.$queryRaw<{ id: string }[]>`
      select r.id
      from (select distinct p."resolutionId" as id from "ProgressReport" p
            where p."createdAt" >= ${start} and p."createdAt" < ${end}) week
      join "Resolution" r on r.id = week.id
      where r."provinceId" = ${provinceId}
      order by r.deadline, r.id limit ${PROGRESSED_LISTED}`,
    ]);
  const ids = progressedIds.map((r) => r.id);
  const listed = ids.length
    ? await db.resolution.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          status: true,
          unit: { select: { name: true } },
          responsibleAgency: { select: { nameFa: true, nameEn: true } },
          ...PROGRESS_SELECT,
        },
      })
    : [];
  const byId = new Map(listed.map((r) => [r.id, r]));
  const progressed = ids.flatMap((id) => byId.get(id) ?? []);
  return {
    province,
    week,
    sessions,
    issued,
    verified,
    overdue,
    moneyWeek,
    moneyMonth,
    returned,
    absent,
    progressed: progressed.map((r) => ({
      id: r.id,
      unit: r.unit.name,
      agency: r.responsibleAgency,
      progress: progressOfRow(r),
    })),
  };
}

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/**
 * The report as an HTML document: the e-mail and the printable page draw the same markup.
 * Persian: right to left, Persian digits, a font a mail client has or falls back from.
 */
export function weeklyHtml(r: WeeklyReport, locale: Locale, t: Translate, link?: string): string {
  const dir = isRtl(locale) ? "rtl" : "ltr";
  const title = `${t("outcomes.weekly.title")} — ${localName(r.province, locale)}`;
  return (
    `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${esc(title)}</title></head>` +
    `<body dir="${dir}" style="font-family:Vazirmatn,Tahoma,sans-serif;line-height:1.7;color:#0f172a;max-width:720px;margin:auto">` +
    `${weeklyBodyHtml(r, locale, t, link)}</body></html>`
  );
}

/** The report's content, without the document around it: the printable page shows this. */
export function weeklyBodyHtml(r: WeeklyReport, locale: Locale, t: Translate, link?: string): string {
  const n = (v: number | bigint) => formatNumber(v, locale);
  const title = `${t("outcomes.weekly.title")} — ${localName(r.province, locale)}`;
  const week = t("outcomes.weekly.week", {
    from: formatDate(r.week.from, locale),
    to: formatDate(r.week.to, locale),
  });
  const cell = 'style="padding:4px 8px;border-bottom:1px solid #e2e8f0"';
  const h2 = (text: string) => `<h2 style="font-size:15px;margin:18px 0 6px">${esc(text)}</h2>`;
  const table = (rows: string[][]) =>
    `<table style="border-collapse:collapse;width:100%">${rows
      .map(
        (row) =>
          `<tr>${row.map((c, i) => `<td ${cell}${i > 0 ? ' data-figure=""' : ""}>${c}</td>`).join("")}</tr>`,
      )
      .join("")}</table>`;
  const money = (rows: WeeklyReport["moneyWeek"]) =>
    rows.length
      ? table(
          rows.map((b) => [
            esc(localName(b, locale)),
            `${esc(t("outcomes.money.movement.RESCHEDULED"))}: ${esc(formatRials(b.rescheduled, locale))}`,
            `${esc(t("outcomes.money.movement.RELEASED"))}: ${esc(formatRials(b.released, locale))}`,
            `${esc(t("outcomes.money.movement.GUARANTEED"))}: ${esc(formatRials(b.guaranteed, locale))}`,
          ]),
        )
      : `<p>${esc(t("outcomes.weekly.noMoney"))}</p>`;
  const body = [
    `<h1 style="font-size:18px;margin:0 0 4px">${esc(title)}</h1>`,
    `<p style="margin:0 0 12px;color:#475569">${esc(week)}</p>`,
    table([
      [esc(t("outcomes.weekly.sessions")), n(r.sessions)],
      [esc(t("outcomes.weekly.approved")), n(r.issued)],
      [esc(t("outcomes.weekly.carriedOut")), n(r.verified)],
      [esc(t("outcomes.weekly.returned")), n(r.returned.length)],
    ]),
    h2(t("outcomes.weekly.overdueTop")),
    r.overdue.length
      ? table(
          r.overdue.map((a) => [
            esc(localName(a, locale)),
            esc(t("outcomes.weekly.overdueCount", { count: n(a.n) })),
          ]),
        )
      : `<p>${esc(t("outcomes.weekly.noneOverdue"))}</p>`,
    h2(t("outcomes.weekly.moneyWeek")),
    money(r.moneyWeek),
    h2(t("outcomes.weekly.moneyMonth")),
    money(r.moneyMonth),
    h2(t("outcomes.weekly.progressed")),
    r.progressed.length
      ? table(
          r.progressed.map((x) => [
            esc(x.unit),
            esc(localName(x.agency, locale)),
            x.progress.pct === null
              ? esc(t("outcomes.progress.none"))
              : esc(t("outcomes.progress.value", { pct: n(x.progress.pct) })) +
                (x.progress.total
                  ? ` (${esc(t("outcomes.progress.fromMilestones", { done: n(x.progress.done), total: n(x.progress.total) }))})`
                  : ""),
          ]),
        )
      : `<p>${esc(t("outcomes.weekly.noneProgressed"))}</p>`,
    h2(t("outcomes.weekly.returned")),
    r.returned.length
      ? table(
          r.returned.map((u) => [
            esc(u.name),
            esc(formatDate(u.changed_on, locale)),
            `${esc(t("outcomes.dashboard.jobsKept"))}: ${n(u.kept)}`,
            `${esc(t("outcomes.dashboard.jobsCreated"))}: ${n(u.created)}`,
          ]),
        )
      : `<p>${esc(t("outcomes.weekly.noneReturned"))}</p>`,
    h2(t("outcomes.weekly.headsAbsent")),
    r.absent.length
      ? table(
          r.absent.map((a) => [
            esc(localName(a, locale)),
            esc(t(a.mode === "ABSENT" ? "meetings.attendance.ABSENT" : "meetings.attendance.REPRESENTATIVE")),
            esc(formatDate(a.startsAt, locale)),
          ]),
        )
      : `<p>${esc(t("outcomes.weekly.noneAbsent"))}</p>`,
    link ? `<p style="margin-top:18px"><a href="${esc(link)}" dir="ltr">${esc(link)}</a></p>` : "",
  ].join("\n");
  return body;
}

/** The same report as plain text, the e-mail's text part. */
export function weeklyText(r: WeeklyReport, locale: Locale, t: Translate): string {
  const n = (v: number | bigint) => formatNumber(v, locale);
  const lines = [
    `${t("outcomes.weekly.title")} — ${localName(r.province, locale)}`,
    t("outcomes.weekly.week", { from: formatDate(r.week.from, locale), to: formatDate(r.week.to, locale) }),
    "",
    `${t("outcomes.weekly.sessions")}: ${n(r.sessions)}`,
    `${t("outcomes.weekly.approved")}: ${n(r.issued)}`,
    `${t("outcomes.weekly.carriedOut")}: ${n(r.verified)}`,
    `${t("outcomes.weekly.returned")}: ${n(r.returned.length)}`,
    "",
    `${t("outcomes.weekly.overdueTop")}:`,
    ...r.overdue.map(
      (a) => `- ${localName(a, locale)}: ${t("outcomes.weekly.overdueCount", { count: n(a.n) })}`,
    ),
    "",
    `${t("outcomes.weekly.moneyWeek")}:`,
    ...r.moneyWeek.map(
      (b) => `- ${localName(b, locale)}: ${formatRials(b.rescheduled + b.released + b.guaranteed, locale)}`,
    ),
    "",
    `${t("outcomes.weekly.headsAbsent")}:`,
    ...r.absent.map((a) => `- ${localName(a, locale)}`),
  ];
  return lines.join("\n");
}

export type WeeklyOptions = { today?: string; transport?: MailTransport | null; provinceId?: string };

/**
 * The Saturday job: each province with recipients whose week is not done gets its report,
 * one e-mail per address (in Persian: the governorate's language).
 */
export function sendGovernorWeekly({
  today = todayInTehran(),
  transport = transportFromEnv(),
  provinceId,
}: WeeklyOptions = {}) {
  return exclusively("governor-weekly", async () => {
    const week = reportWeek(today);
    const day = calendarDate(week.from);
    let sent = 0;
    let recipients = 0;
    const provinces = await db.province.findMany({
      where: provinceId ? { id: provinceId } : {},
      select: { id: true },
      orderBy: { code: "asc" },
    });
    for (const { id } of provinces) {
      const done = await db.digestRun.findUnique({
        where: { kind_provinceId_day: { kind: WEEKLY_KIND, provinceId: id, day } },
      });
      if (done) continue;
      const { emails } = await weeklyRecipientsSetting(id);
      if (emails.length > 0) {
        const report = await weeklyReport(id, week, today);
        const t = translator("fa");
        const link = `${appUrl()}/reports/weekly?week=${week.from}`;
        const mails: Mail[] = emails.map((toEmail) => ({
          eventKey: `${WEEKLY_KIND}:${id}:${week.from}`,
          toEmail,
          provinceId: id,
          subject: t("outcomes.weekly.subject", {
            province: report.province.nameFa,
            date: formatDate(week.to, "fa"),
          }),
          body: `${weeklyText(report, "fa", t)}\n\n${t("outcomes.weekly.link", { url: link })}`,
          html: weeklyHtml(report, "fa", t, link),
        }));
        const result = await deliver(mails, transport);
        sent += result.sent;
        recipients += emails.length;
      }
      await db.digestRun.createMany({
        data: [{ kind: WEEKLY_KIND, provinceId: id, day, recipients: emails.length }],
        skipDuplicates: true,
      });
    }
    return { sent, recipients };
  });
}

const parseIso = (iso: string) => !Number.isNaN(new Date(`${iso}T12:00:00Z`).getTime());

/**
 * The printable report on demand: the reader's own province (a national viewer names one),
 * the week that ends on the Friday before `week` (an ISO day) or before today. Null when the
 * province is out of reach or unknown.
 */
export async function weeklyReportFor(
  actor: Actor,
  { provinceId, week }: { provinceId?: string; week?: string },
  today = todayInTehran(),
) {
  authorize(actor, "dashboard.view");
  const id = actor.provinceId ?? provinceId;
  if (!id || (actor.provinceId !== null && provinceId && provinceId !== actor.provinceId)) return null;
  if (!(await db.province.findUnique({ where: { id }, select: { id: true } }))) return null;
  // A day of the week asked for (the current week shows the days so far); else the last full week.
  const range =
    week && /^\d{4}-\d{2}-\d{2}$/.test(week) && parseIso(week)
      ? reportWeek(addDays(reportWeek(week).to, 8))
      : reportWeek(today);
  // Kept until PostgreSQL says the province changed (lib/cache.ts, decision 130), as the
  // dashboard's figures are: the week's figures aggregate the province's resolutions (28,000
  // overdue counted at ten-year size) for a page that is read far more often than it changes.
  return keptFigures({ provinceId: id }, ["weekly", range, today], () => weeklyReport(id, range, today));
}
