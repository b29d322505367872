import "server-only";
import { db } from "@/lib/db";
import {
  addDays,
  calendarDate,
  formatDate,
  formatNumber,
  formatOrdinal,
  todayInTehran,
  localName,
} from "@/lib/i18n/format";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";
import type { Prisma } from "@/lib/generated/prisma/client";
import { daysUntil, overdueWhere } from "@/lib/resolutions/queries";
import { OPEN_STATUSES } from "@/lib/resolutions/status";
import { deliver, type Mail } from "./deliver";
import { transportFromEnv, type MailTransport } from "./mailer";
import { appUrl } from "@/lib/app-url";

// The job handlers: plain functions of "today", called by the pg-boss worker on a schedule
// and by tests directly. Each mail's eventKey names the event precisely enough that running
// a handler twice (a retry, two instances, a missed day caught up) never mails anyone twice.

export type JobOptions = {
  today?: string;
  now?: Date;
  transport?: MailTransport | null;
  provinceId?: string;
};

// The daily reminders and escalations are digests, one per recipient (issue #35): ./digests.ts.
export { escalateOverdue, sendDeadlineReminders } from "./digests";

const RESOLUTION = {
  id: true,
  provinceId: true,
  text: true,
  deadline: true,
  unit: { select: { name: true } },
  meeting: { select: { number: true, jalaliYear: true, body: { select: { kind: true } } } },
  responsibleAgency: {
    select: {
      nameFa: true,
      nameEn: true,
      email: true,
      users: {
        where: { active: true, roles: { has: "AGENCY" } },
        select: { id: true, email: true, locale: true },
      },
    },
  },
} satisfies Prisma.ResolutionSelect;
type ResolutionForMail = Prisma.ResolutionGetPayload<{ select: typeof RESOLUTION }>;
type Recipient = { id: string | null; email: string; locale: Locale };

function compose(t: Translate, locale: Locale, lines: string, resolutionId?: string) {
  const link = resolutionId
    ? `\n\n${t("notifications.mail.link", { url: `${appUrl()}/resolutions/${resolutionId}` })}`
    : "";
  return `${t("notifications.mail.greeting")}\n\n${lines}${link}\n\n${t("notifications.mail.signature")}`;
}

function params(r: ResolutionForMail, locale: Locale, today: string) {
  const t = translator(locale);
  return {
    unit: r.unit.name,
    text: r.text,
    agency: localName(r.responsibleAgency, locale),
    deadline: formatDate(r.deadline, locale),
    days: formatNumber(Math.abs(daysUntil(r.deadline, today)), locale),
    meeting: t("meeting.title", {
      ordinal: formatOrdinal(r.meeting.number, locale),
      body: t(`meeting.${r.meeting.body.kind}`),
      year: formatNumber(r.meeting.jalaliYear, locale).replace(/[٬,]/g, ""),
    }),
  };
}

async function secretariatOf(provinceIds: string[]) {
  const users = await db.user.findMany({
    where: { active: true, roles: { has: "SECRETARIAT" }, provinceId: { in: provinceIds } },
    select: { id: true, email: true, locale: true, provinceId: true },
  });
  return (provinceId: string): Recipient[] =>
    users
      .filter((u) => u.provinceId === provinceId)
      .map((u) => ({ id: u.id, email: u.email, locale: u.locale }));
}

/** The secretariat's weekly digest, one per province and Iranian week (weeks start on Saturday). */
export async function sendWeeklyDigest({
  today = todayInTehran(),
  transport = transportFromEnv(),
  provinceId,
}: JobOptions = {}) {
  const dow = new Date(`${today}T12:00:00Z`).getUTCDay(); // 6 = Saturday
  const weekStart = addDays(today, -((dow + 1) % 7));
  const provinces = await db.province.findMany({
    where: provinceId ? { id: provinceId } : {},
    select: { id: true },
  });
  const secretariat = await secretariatOf(provinces.map((p) => p.id));
  const mails: Mail[] = [];
  for (const { id } of provinces) {
    const recipients = secretariat(id);
    if (recipients.length === 0) continue;
    const open = { provinceId: id, status: { in: [...OPEN_STATUSES] } };
    const [openCount, overdueCount, dueSoon, doneReported, pendingExtensions, overdueList] =
      await Promise.all([
        db.resolution.count({ where: open }),
        db.resolution.count({ where: { provinceId: id, ...overdueWhere(today) } }),
        db.resolution.count({
          where: { ...open, deadline: { gte: calendarDate(today), lte: calendarDate(addDays(today, 7)) } },
        }),
        db.resolution.count({ where: { provinceId: id, status: "DONE_REPORTED" } }),
        db.extensionRequest.count({ where: { status: "PENDING", resolution: { provinceId: id } } }),
        db.resolution.findMany({
          where: { provinceId: id, ...overdueWhere(today) },
          orderBy: { deadline: "asc" },
          take: 20,
          select: RESOLUTION,
        }),
      ]);
    for (const to of recipients) {
      const t = translator(to.locale);
      const n = (v: number) => formatNumber(v, to.locale);
      const summary = t("notifications.mail.digestBody", {
        open: n(openCount),
        overdue: n(overdueCount),
        dueSoon: n(dueSoon),
        doneReported: n(doneReported),
        pendingExtensions: n(pendingExtensions),
      });
      const list = overdueList.length
        ? `\n\n${t("notifications.mail.digestOverdueHeading")}\n${overdueList.map((r) => t("notifications.mail.digestLine", params(r, to.locale, today))).join("\n")}`
        : "";
      mails.push({
        eventKey: `digest:${id}:${weekStart}`,
        toEmail: to.email,
        userId: to.id,
        provinceId: id,
        subject: t("notifications.mail.digestSubject", { date: formatDate(today, to.locale) }),
        body: compose(t, to.locale, summary + list),
      });
    }
  }
  return deliver(mails, transport);
}
