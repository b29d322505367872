import "server-only";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { addDays, todayInTehran } from "@/lib/i18n/format";
import { noticeAckDays } from "@/lib/settings/queries";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NoticeFilter } from "./schema";

const NOTICE_SELECT = {
  id: true,
  provinceId: true,
  agencyId: true,
  kind: true,
  jalaliYear: true,
  number: true,
  issuedAt: true,
  acknowledgedAt: true,
  acknowledgedBy: { select: { name: true } },
  verifyCode: true,
  agency: { select: { id: true, nameFa: true, nameEn: true, headName: true, address: true } },
  meeting: {
    select: {
      id: true,
      number: true,
      jalaliYear: true,
      startsAt: true,
      body: { select: { kind: true, nameFa: true, nameEn: true, chairName: true, secretaryName: true } },
    },
  },
} as const;

/** Whether the notice is within the actor's reach: getNotice's look-up without its lines. */
export async function noticeInReach(actor: Actor, id: string): Promise<boolean> {
  authorize(actor, "case.read");
  return (
    (await db.notice.findFirst({ where: { id, ...provinceWhere(actor) }, select: { id: true } })) !== null
  );
}

/** One notice with its lines, for the letter page. */
export async function getNotice(actor: Actor, id: string) {
  authorize(actor, "case.read");
  return db.notice.findFirst({
    where: { id, ...provinceWhere(actor) },
    select: {
      ...NOTICE_SELECT,
      items: {
        orderBy: [{ followUp: "asc" }, { resolution: { sequence: "asc" } }],
        select: {
          deadline: true,
          followUp: true,
          resolution: {
            select: {
              id: true,
              text: true,
              sequence: true,
              unit: { select: { name: true } },
              meeting: { select: { number: true, jalaliYear: true, body: { select: { kind: true } } } },
            },
          },
        },
      },
    },
  });
}

/** An agency's notices, unacknowledged first. */
export async function listAgencyNotices(actor: Actor, take = 20) {
  authorize(actor, "agencyInbox.view");
  const notices = await db.notice.findMany({
    where: { agencyId: actor.agencyId ?? "", ...provinceWhere(actor) },
    orderBy: [{ acknowledgedAt: { sort: "desc", nulls: "first" } }, { issuedAt: "desc" }],
    take,
    select: NOTICE_SELECT,
  });
  // The lines of these notices only: Prisma's relation `_count` groups every NoticeItem first
  // (1,000,000 at ten-year size, 870 ms; issue #34), as decision 122 found for sessions.
  const counts = notices.length
    ? await db.noticeItem.groupBy({
        by: ["noticeId"],
        where: { noticeId: { in: notices.map((n) => n.id) } },
        _count: { _all: true },
      })
    : [];
  const byNotice = new Map(counts.map((c) => [c.noticeId, c._count._all]));
  return notices.map((n) => ({ ...n, _count: { items: byNotice.get(n.id) ?? 0 } }));
}

/** The notices of one session (the minutes page links them). */
export async function listMeetingNotices(actor: Actor, meetingId: string) {
  authorize(actor, "case.read");
  return db.notice.findMany({
    where: { meetingId, ...provinceWhere(actor) },
    orderBy: { number: "asc" },
    select: NOTICE_SELECT,
  });
}

/**
 * Working days (Saturday to Thursday; Friday is the Iranian weekend) between two Tehran
 * calendar days, the first excluded.
 */
export function workingDaysBetween(fromIso: string, toIso: string): number {
  let days = 0;
  for (let d = addDays(fromIso, 1); d <= toIso; d = addDays(d, 1))
    if (new Date(`${d}T12:00:00Z`).getUTCDay() !== 5) days++;
  return days;
}

/** The latest Tehran day a notice may have been issued on and still be late today. */
export function lateIfIssuedBy(today: string, workingDays: number): string {
  let d = today;
  let counted = 0;
  while (counted < workingDays) {
    d = addDays(d, -1);
    if (new Date(`${d}T12:00:00Z`).getUTCDay() !== 5) counted++;
  }
  return d;
}

/** The moment before which an unacknowledged notice is late today (the province's working days). */
async function lateBefore(actor: Actor, today: string) {
  const days = await noticeAckDays(actor.provinceId);
  // Issued on the cut-off day or before (Tehran midnight after it, UTC+03:30).
  return { days, before: new Date(`${addDays(lateIfIssuedBy(today, days), 1)}T00:00:00+03:30`) };
}

/**
 * For the dashboard: the oldest `take` notices still not acknowledged after the province's
 * number of working days, and how many there are (the notices index lists them all under
 * `receipt=late`).
 */
export async function listUnacknowledgedNotices(actor: Actor, today = todayInTehran(), { take = 10 } = {}) {
  authorize(actor, "dashboard.view");
  const { days, before } = await lateBefore(actor, today);
  const where = { acknowledgedAt: null, issuedAt: { lt: before }, ...provinceWhere(actor) };
  const [notices, total] = await Promise.all([
    db.notice.findMany({ where, orderBy: { issuedAt: "asc" }, take, select: NOTICE_SELECT }),
    db.notice.count({ where }),
  ]);
  return {
    days,
    total,
    items: notices.map((n) => ({ ...n, workingDays: workingDaysBetween(todayInTehran(n.issuedAt), today) })),
  };
}

export const NOTICES_PER_PAGE = 50;

/**
 * The notices index (/notices): every notice of the province, newest first, by receipt, agency
 * and session. An agency user's list starts at their own agency's (the page passes it), but a
 * notice is a case record like the rest: whoever reads cases may read it (getNotice).
 */
export async function listNotices(actor: Actor, filter: NoticeFilter) {
  authorize(actor, "case.read");
  const where: Prisma.NoticeWhereInput = {
    ...provinceWhere(actor),
    ...(filter.agencyId ? { agencyId: filter.agencyId } : {}),
    ...(filter.meetingId ? { meetingId: filter.meetingId } : {}),
    ...(filter.receipt === "pending" ? { acknowledgedAt: null } : {}),
    ...(filter.receipt === "acknowledged" ? { acknowledgedAt: { not: null } } : {}),
    // Not acknowledged after the province's working days: the dashboard's list, in full.
    ...(filter.receipt === "late"
      ? { acknowledgedAt: null, issuedAt: { lt: (await lateBefore(actor, todayInTehran())).before } }
      : {}),
  };
  const total = await db.notice.count({ where });
  const pages = Math.max(1, Math.ceil(total / NOTICES_PER_PAGE));
  const page = Math.min(filter.page, pages);
  const items = await db.notice.findMany({
    where,
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * NOTICES_PER_PAGE,
    take: NOTICES_PER_PAGE,
    select: NOTICE_SELECT,
  });
  return { items, total, page, pages };
}

/** The agencies that have received notices, for the index's agency filter. */
export async function noticeAgencies(actor: Actor) {
  authorize(actor, "case.read");
  return db.agency.findMany({
    where: { ...provinceWhere(actor), notices: { some: {} } },
    orderBy: { nameFa: "asc" },
    select: { id: true, nameFa: true, nameEn: true },
  });
}
