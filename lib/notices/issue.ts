import "server-only";
import type { Tx } from "@/lib/db";
import { jalaliParts } from "@/lib/i18n/format";
import { formatNumber } from "@/lib/i18n/format";
import { recordAudit } from "@/lib/audit/record";
import { agencyRecipients, notify, RESOLUTION_FOR_NOTICE, resolutionParams } from "@/lib/notifications/inbox";
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
  await notify(tx, {
    kind: "notice.issued",
    eventKey: `notice:${notice.id}`,
    provinceId,
    link: `/notices/${notice.id}`,
    recipients: await agencyRecipients(tx, agencyId),
    params: (locale, t) => ({
      number: noticeNumberLabel(notice, locale),
      count: formatNumber(lines.length, locale),
      meeting: meeting ? meetingTitle(meeting, locale, t) : t("notices.reassignmentSource"),
    }),
  });
  return notice;
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
