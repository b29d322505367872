import "server-only";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";

export const MESSAGES_PAGE_SIZE = 25;
const SELECT = {
  id: true,
  toEmail: true,
  subject: true,
  body: true,
  status: true,
  sentAt: true,
  createdAt: true,
} as const;

/** What was sent to the signed-in user: their own rows only, whatever their role. */
export async function listMyMessages(actor: Actor, { page = 1 }: { page?: number } = {}) {
  authorize(actor, "case.read");
  const where = { userId: actor.id };
  const [total, items] = await Promise.all([
    db.emailMessage.count({ where }),
    db.emailMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (Math.max(1, page) - 1) * MESSAGES_PAGE_SIZE,
      take: MESSAGES_PAGE_SIZE,
      select: SELECT,
    }),
  ]);
  return { items, total, page, pages: Math.max(1, Math.ceil(total / MESSAGES_PAGE_SIZE)) };
}

/** The local outbox (no SMTP configured), for the administrator. */
export async function listOutbox(actor: Actor, { page = 1 }: { page?: number } = {}) {
  authorize(actor, "settings.manage");
  const where = { status: "OUTBOX" as const, ...provinceWhere(actor) };
  const [total, items] = await Promise.all([
    db.emailMessage.count({ where }),
    db.emailMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (Math.max(1, page) - 1) * MESSAGES_PAGE_SIZE,
      take: MESSAGES_PAGE_SIZE,
      select: SELECT,
    }),
  ]);
  return { items, total, page, pages: Math.max(1, Math.ceil(total / MESSAGES_PAGE_SIZE)) };
}

/**
 * The signed-in user's in-app notifications, unread first, newest first. Repeats are
 * collapsed: a notification superseded by a newer one of the same kind about the same thing
 * (lib/notifications/inbox.ts notify) is not listed; the newer one says how many it stands for.
 */
export async function listMyNotifications(actor: Actor, { page = 1 }: { page?: number } = {}) {
  authorize(actor, "notifications.own");
  const where = { userId: actor.id, supersededAt: null };
  const [total, unread, rows, user] = await Promise.all([
    db.notification.count({ where }),
    db.notification.count({ where: { ...where, readAt: null } }),
    db.notification.findMany({
      where,
      orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
      skip: (Math.max(1, page) - 1) * MESSAGES_PAGE_SIZE,
      take: MESSAGES_PAGE_SIZE,
      select: { id: true, kind: true, subject: true, body: true, link: true, readAt: true, createdAt: true },
    }),
    db.user.findUnique({ where: { id: actor.id }, select: { mailFrequency: true } }),
  ]);
  const earlier = rows.length
    ? await db.notification.groupBy({
        by: ["kind", "link"],
        where: {
          userId: actor.id,
          supersededAt: { not: null },
          OR: rows.map((n) => ({ kind: n.kind, link: n.link })),
        },
        _count: { _all: true },
      })
    : [];
  const count = new Map(earlier.map((e) => [`${e.kind}\n${e.link ?? ""}`, e._count._all]));
  const items = rows.map((n) => ({ ...n, earlier: count.get(`${n.kind}\n${n.link ?? ""}`) ?? 0 }));
  return {
    items,
    unread,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / MESSAGES_PAGE_SIZE)),
    mailFrequency: user?.mailFrequency ?? "IMMEDIATE",
  };
}
