import "server-only";
import type { Tx } from "@/lib/db";
import { formatDate, formatNumber, jalaliParts, localName } from "@/lib/i18n/format";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";
import { recordAudit } from "@/lib/audit/record";
import { appUrl } from "@/lib/app-url";
import { queueMails } from "@/lib/notifications/deliver";
import {
  agencyRecipients,
  mailBody,
  notify,
  RESOLUTION_FOR_NOTICE,
  resolutionParams,
  smsSubscribers,
} from "@/lib/notifications/inbox";
import { queueSms, type Sms } from "@/lib/sms/outbox";
import { canonicalPaper, newVerifyCode, sha256 } from "@/lib/letters/content";
import { meetingTitle } from "@/lib/meetings/title";
import { noticeNumberLabel } from "./number";

// Issuing notices (ابلاغ, docs/decisions/090). A notice is numbered in the province
// secretariat's series for the Jalali year of its issue: the next number is read and
// written in the caller's transaction, and @@unique([provinceId, jalaliYear, number]) is
// the guard. Two approvals at the same moment may read the same "next" number; the second
// to insert waits for the first, fails on the unique index, and the caller runs its whole
// transaction again (withNoticeNumbering), reading the number the first one took.

/** Runs a transaction that issues notices, again from the start when a number was taken meanwhile. */
export async function withNoticeNumbering<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt < attempts && isNoticeNumberTaken(err)) continue;
      throw err;
    }
  }
}

function isNoticeNumberTaken(err: unknown): boolean {
  const e = err as { code?: string; meta?: unknown; message?: string };
  return e?.code === "P2002" && JSON.stringify(e.meta ?? {}).includes("number");
}

async function nextNoticeNumber(tx: Tx, provinceId: string, jalaliYear: number): Promise<number> {
  const { _max } = await tx.notice.aggregate({
    where: { provinceId, jalaliYear },
    _max: { number: true },
  });
  return (_max.number ?? 0) + 1;
}

type NoticeLine = { resolutionId: string; deadline: Date; followUp: boolean };

/** One numbered notice to one agency, its lines, an audit entry and the agency users told. */
export async function issueNotice(
  tx: Tx,
  {
    provinceId,
    agencyId,
    kind,
    meetingId,
    lines,
    actorId,
    now = new Date(),
  }: {
    provinceId: string;
    agencyId: string;
    kind: "SESSION" | "REASSIGNMENT";
    meetingId: string | null;
    lines: NoticeLine[];
    actorId: string | null;
    now?: Date;
  },
) {
  const jalaliYear = jalaliParts(now).year;
  const number = await nextNoticeNumber(tx, provinceId, jalaliYear);
  const frozen = await frozenNotice(tx, { provinceId, agencyId, meetingId, lines, number, jalaliYear, now });
  const notice = await tx.notice.create({
    data: {
      provinceId,
      agencyId,
      kind,
      meetingId,
      jalaliYear,
      number,
      issuedAt: now,
      items: { create: lines },
      ...frozen,
    },
    select: { id: true, number: true, jalaliYear: true },
  });
  await recordAudit(tx, {
    actorId,
    provinceId,
    action: "notice.issue",
    entityType: "Notice",
    entityId: notice.id,
    after: { agencyId, kind, meetingId, jalaliYear, number, resolutions: lines.map((l) => l.resolutionId) },
  });
  const meeting = meetingId
    ? await tx.meeting.findUnique({
        where: { id: meetingId },
        select: { number: true, jalaliYear: true, body: { select: { kind: true } } },
      })
    : null;
  const params = (locale: Locale, t: Translate) => ({
    number: noticeNumberLabel(notice, locale),
    count: formatNumber(lines.length, locale),
    meeting: meeting ? meetingTitle(meeting, locale, t) : t("notices.reassignmentSource"),
  });
  await notify(tx, {
    kind: "notice.issued",
    eventKey: `notice:${notice.id}`,
    provinceId,
    link: `/notices/${notice.id}`,
    recipients: await agencyRecipients(tx, agencyId),
    params,
  });
  await tellOutsideTheApp(tx, { notice, agencyId, provinceId, lines, params, now });
  return notice;
}

/**
 * The notice's words as issued, in Persian, with their SHA-256 and the code printed on it
 * (issue #37, docs/decisions/233): a later amendment or extension does not rewrite a sent notice,
 * and /verify/<code> shows what this paper must say.
 */
async function frozenNotice(
  tx: Tx,
  {
    provinceId,
    agencyId,
    meetingId,
    lines,
    number,
    jalaliYear,
    now,
  }: {
    provinceId: string;
    agencyId: string;
    meetingId: string | null;
    lines: NoticeLine[];
    number: number;
    jalaliYear: number;
    now: Date;
  },
) {
  const fa = translator("fa");
  const [province, agency, meeting, resolutions] = await Promise.all([
    tx.province.findUniqueOrThrow({ where: { id: provinceId }, select: { nameFa: true } }),
    tx.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { nameFa: true, headName: true } }),
    meetingId
      ? tx.meeting.findUnique({
          where: { id: meetingId },
          select: { number: true, jalaliYear: true, body: { select: { kind: true } } },
        })
      : null,
    tx.resolution.findMany({
      where: { id: { in: lines.map((l) => l.resolutionId) } },
      select: { id: true, text: true, unit: { select: { name: true } } },
    }),
  ]);
  const session = meeting ? meetingTitle(meeting, "fa", fa) : null;
  const byId = new Map(resolutions.map((r) => [r.id, r]));
  const recipient = [
    fa("notices.to", { agency: agency.nameFa }),
    ...(agency.headName ? [fa("notices.toHead", { name: agency.headName })] : []),
  ].join("\n");
  const subject = session ? fa("notices.subject", { meeting: session }) : fa("notices.subjectReassignment");
  const body = [
    session ? fa("notices.intro", { meeting: session }) : fa("notices.introReassignment"),
    lines
      .map((l, i) => {
        const r = byId.get(l.resolutionId);
        return fa("notices.headMailLine", {
          n: formatNumber(i + 1, "fa"),
          unit: r?.unit.name ?? "",
          text: r?.text ?? "",
          deadline: formatDate(l.deadline, "fa"),
        });
      })
      .join("\n"),
  ].join("\n\n");
  const contentHash = sha256(
    canonicalPaper("notice", {
      province: province.nameFa,
      number,
      jalaliYear,
      issuedAt: now,
      recipient,
      subject,
      body,
    }),
  );
  return { recipient, subject, body, contentHash, verifyCode: newVerifyCode() };
}

/**
 * A notice reaches beyond the app (issue #37): most agencies have no users, and those that do
 * answer to a head who reads e-mail and SMS. The head on the agency's record gets the notice's
 * text by e-mail (in Persian, as the letter) and a short SMS; users who chose SMS get one too.
 * Written in the issuing transaction, sent after it commits by the outbox jobs.
 */
async function tellOutsideTheApp(
  tx: Tx,
  {
    notice,
    agencyId,
    provinceId,
    lines,
    params,
    now,
  }: {
    notice: { id: string; number: number; jalaliYear: number };
    agencyId: string;
    provinceId: string;
    lines: NoticeLine[];
    params: (locale: Locale, t: Translate) => Record<string, string>;
    now: Date;
  },
) {
  const eventKey = `notice:${notice.id}`;
  const [agency, subscribers] = await Promise.all([
    tx.agency.findUniqueOrThrow({
      where: { id: agencyId },
      select: { nameFa: true, nameEn: true, email: true, headMobile: true },
    }),
    smsSubscribers(tx, { agencyId }),
  ]);
  const headEmail = agency.email?.trim() || null;
  const fa = translator("fa");
  if (headEmail) {
    const resolutions = await tx.resolution.findMany({
      where: { id: { in: lines.map((l) => l.resolutionId) } },
      select: { id: true, text: true, unit: { select: { name: true } } },
    });
    const byId = new Map(resolutions.map((r) => [r.id, r]));
    const p = params("fa", fa);
    const list = lines
      .map((l, i) => {
        const r = byId.get(l.resolutionId);
        return fa("notices.headMailLine", {
          n: formatNumber(i + 1, "fa"),
          unit: r?.unit.name ?? "",
          text: r?.text ?? "",
          deadline: formatDate(l.deadline, "fa"),
        });
      })
      .join("\n");
    const intro = fa("notices.headMailIntro", {
      number: p.number ?? "",
      date: formatDate(now, "fa"),
      agency: agency.nameFa,
      meeting: p.meeting ?? "",
    });
    await queueMails(tx, [
      {
        eventKey,
        toEmail: headEmail,
        userId: null,
        provinceId,
        subject: fa("notifications.kinds.notice_issued.subject", p),
        body: mailBody(fa, `${intro}\n\n${list}\n\n${fa("notices.headMailClosing")}`, null),
      },
    ]);
  }
  const text = (locale: Locale, more: string) => {
    const t = translator(locale);
    return t("sms.texts.notice", { ...params(locale, t), agency: localName(agency, locale), more }).trim();
  };
  const messages: Sms[] = subscribers.map((u) => ({
    eventKey,
    to: u.mobile ?? "",
    userId: u.id,
    provinceId,
    text: text(u.locale, `${appUrl()}/notices/${notice.id}`),
  }));
  if (agency.headMobile)
    messages.push({
      eventKey,
      to: agency.headMobile,
      provinceId,
      text: text("fa", headEmail ? fa("sms.texts.noticeMoreHead") : ""),
    });
  await queueSms(tx, messages);
}

/**
 * On approval of a session's minutes: each agency responsible for one of its resolutions, or
 * for an earlier resolution the session gave a new deadline or reassigned, gets one notice.
 */
export async function issueSessionNotices(tx: Tx, meetingId: string, provinceId: string, actorId: string) {
  const [resolutions, followUps] = await Promise.all([
    tx.resolution.findMany({
      where: { meetingId, status: { not: "CANCELLED" } },
      select: { id: true, deadline: true, responsibleAgencyId: true },
      orderBy: [{ sequence: "asc" }, { id: "asc" }],
    }),
    tx.followUpItem.findMany({
      where: { meetingId, decision: { in: ["NEW_DEADLINE", "REASSIGN"] } },
      select: {
        id: true,
        decision: true,
        agencyId: true,
        resolution: { select: { id: true, deadline: true, responsibleAgencyId: true } },
      },
    }),
  ]);
  const byAgency = new Map<string, NoticeLine[]>();
  const add = (agencyId: string, line: NoticeLine) => {
    const lines = byAgency.get(agencyId) ?? [];
    if (!lines.some((l) => l.resolutionId === line.resolutionId)) lines.push(line);
    byAgency.set(agencyId, lines);
  };
  for (const r of resolutions)
    add(r.responsibleAgencyId, { resolutionId: r.id, deadline: r.deadline, followUp: false });
  for (const { resolution: r } of followUps)
    add(r.responsibleAgencyId, { resolutionId: r.id, deadline: r.deadline, followUp: true });
  const agencies = await tx.agency.findMany({
    where: { id: { in: [...byAgency.keys()] } },
    select: { id: true },
    orderBy: [{ nameFa: "asc" }, { id: "asc" }],
  });
  // An agency the session relieved of a resolution is told so, with the minutes' approval.
  for (const f of followUps.filter(
    (f) => f.decision === "REASSIGN" && f.agencyId !== f.resolution.responsibleAgencyId,
  )) {
    const r = await tx.resolution.findUniqueOrThrow({
      where: { id: f.resolution.id },
      select: RESOLUTION_FOR_NOTICE,
    });
    await notify(tx, {
      kind: "resolution.reassigned",
      eventKey: `resolution.reassigned:followUp:${f.id}`,
      provinceId,
      link: `/resolutions/${r.id}`,
      recipients: await agencyRecipients(tx, f.agencyId),
      params: resolutionParams(r),
    });
  }
  const now = new Date();
  const issued = [];
  for (const { id } of agencies)
    issued.push(
      await issueNotice(tx, {
        provinceId,
        agencyId: id,
        kind: "SESSION",
        meetingId,
        lines: byAgency.get(id) ?? [],
        actorId,
        now,
      }),
    );
  return issued;
}
