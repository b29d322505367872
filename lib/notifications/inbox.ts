import "server-only";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { formatDate, formatNumber, localName, todayInTehran } from "@/lib/i18n/format";
import { translator, type Locale, type MessageKey, type Translate } from "@/lib/i18n/messages";
import type { Role } from "@/lib/generated/prisma/enums";
import { meetingTitle } from "@/lib/meetings/title";
import { deliver, type Mail } from "./deliver";
import { transportFromEnv, type MailTransport } from "./mailer";
import { appUrl } from "@/lib/app-url";

// In-app notifications (docs/decisions/091): who must act on what. Each is written inside the
// transaction of the change it reports, so a change that rolls back tells nobody, and a
// change that commits tells each recipient exactly once (unique on eventKey × user). E-mail
// follows from the rows: at once for users who chose it (sendNotificationMails, every
// minute), or one digest a day (sendNotificationDigests).

export type Recipient = { id: string; email: string; locale: Locale };

export type NotificationKind =
  | "resolution.doneReported"
  | "resolution.reopened"
  | "resolution.verified"
  | "resolution.extensionApproved"
  | "resolution.extensionRejected"
  | "resolution.reassigned"
  | "resolution.returned"
  | "resolution.returnRejected"
  | "resolution.remind"
  | "resolution.deadlineSoon"
  | "resolution.overdue"
  | "resolution.overdueDigest"
  | "resolution.deadlineSoonDigest"
  | "minutes.ready"
  | "notice.issued"
  | "request.submitted"
  | "request.documentsRequested"
  | "request.accepted"
  | "request.rejected"
  | "request.duplicate"
  | "request.onAgenda"
  | "request.stage";

const RECIPIENT = { id: true, email: true, locale: true } as const;

/** The active users who act for an agency. */
export function agencyRecipients(tx: Tx | typeof db, agencyId: string): Promise<Recipient[]> {
  return tx.user.findMany({
    where: { agencyId, active: true, roles: { has: "AGENCY" } },
    select: RECIPIENT,
    orderBy: { id: "asc" },
  });
}

/**
 * Whom a reminder to an agency can reach: its active users in the app, and the head's e-mail
 * and mobile on the agency's record (issue #30.5; the mobile since #37); none of them: nobody
 * (a printed letter).
 */
export async function agencyReach(
  tx: Tx | typeof db,
  agencyId: string,
): Promise<{ users: Recipient[]; headEmail: string | null; headMobile: string | null }> {
  const [users, agency] = await Promise.all([
    agencyRecipients(tx, agencyId),
    tx.agency.findUnique({ where: { id: agencyId }, select: { email: true, headMobile: true } }),
  ]);
  return { users, headEmail: agency?.email?.trim() || null, headMobile: agency?.headMobile || null };
}

/** Users who chose SMS and proved their number (a code came back): `where` narrows them. */
export function smsSubscribers(
  tx: Tx | typeof db,
  where: { agencyId?: string | { in: string[] }; provinceId?: string; roles?: { has: Role } },
) {
  return tx.user.findMany({
    where: { ...where, active: true, smsOptIn: true, mobileVerifiedAt: { not: null }, mobile: { not: null } },
    select: { id: true, mobile: true, locale: true, agencyId: true },
    orderBy: { id: "asc" },
  });
}

/** The active users of a province holding a role (the secretariat, the chair). */
export function roleRecipients(tx: Tx | typeof db, provinceId: string, role: Role): Promise<Recipient[]> {
  return tx.user.findMany({
    where: { provinceId, active: true, roles: { has: role } },
    select: RECIPIENT,
    orderBy: { id: "asc" },
  });
}

type Params = Record<string, string>;

/**
 * Writes one notification per recipient, rendered in the recipient's language
 * (`notifications.kinds.<kind>.subject|body` with the params built for that language).
 * A second call with the same eventKey adds nothing for users already told.
 */
export async function notify(
  tx: Tx,
  {
    kind,
    eventKey,
    provinceId,
    link,
    recipients,
    params,
    mailedAt = null,
  }: {
    kind: NotificationKind;
    eventKey: string;
    provinceId: string | null;
    link: string | null;
    recipients: Recipient[];
    params: (locale: Locale, t: Translate) => Params;
    /** Set when the event's own e-mail has gone already, so no second mail follows from the row. */
    mailedAt?: Date | null;
  },
): Promise<number> {
  const unique = [...new Map(recipients.map((r) => [r.id, r])).values()];
  if (unique.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: unique.map((r) => {
      const t = translator(r.locale);
      const p = params(r.locale, t);
      // Message keys are dotted paths: "minutes.ready" is found under kinds.minutes_ready.
      const key = kind.replace(".", "_");
      return {
        userId: r.id,
        provinceId,
        kind,
        eventKey,
        link,
        subject: t(`notifications.kinds.${key}.subject` as MessageKey, p),
        body: t(`notifications.kinds.${key}.body` as MessageKey, p),
        mailedAt,
      };
    }),
    skipDuplicates: true,
  });
  // Repeats collapse (issue #35): a newer notification of the same kind about the same thing
  // (kind × link: today's overdue digest, a second reminder of one resolution) supersedes the
  // user's earlier ones. The list shows the newest with a count of the earlier ones, and the
  // unread badge counts it once.
  if (count > 0)
    await tx.$executeRaw`
      UPDATE "Notification" SET "supersededAt" = now(), "readAt" = coalesce("readAt", now())
      WHERE "userId" = ANY(${unique.map((r) => r.id)}) AND kind = ${kind}
        AND link IS NOT DISTINCT FROM ${link} AND "eventKey" <> ${eventKey} AND "supersededAt" IS NULL`;
  return count;
}

/** What a notification about one resolution says about it, in one language. */
export const RESOLUTION_FOR_NOTICE = {
  id: true,
  provinceId: true,
  text: true,
  deadline: true,
  responsibleAgencyId: true,
  unit: { select: { name: true } },
  responsibleAgency: { select: { nameFa: true, nameEn: true } },
  meeting: { select: { number: true, jalaliYear: true, body: { select: { kind: true } } } },
} as const;

export type ResolutionForNotice = {
  text: string;
  deadline: Date;
  unit: { name: string };
  responsibleAgency: { nameFa: string; nameEn: string };
  meeting: { number: number; jalaliYear: number; body: { kind: "WORKING_GROUP" | "COMMITTEE" } };
};

export const resolutionParams =
  (r: ResolutionForNotice, extra: (locale: Locale, t: Translate) => Params = () => ({})) =>
  (locale: Locale, t: Translate): Params => ({
    unit: r.unit.name,
    text: r.text,
    agency: localName(r.responsibleAgency, locale),
    deadline: formatDate(r.deadline, locale),
    meeting: meetingTitle(r.meeting, locale, t),
    ...extra(locale, t),
  });

// ─── Reading ────────────────────────────────────────────────────────────────

/** The header's badge (lib/notifications/queries.ts lists them on /notifications). */
export function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

// ─── E-mail ─────────────────────────────────────────────────────────────────

export function mailBody(t: Translate, lines: string, link: string | null) {
  const url = link ? `\n\n${t("notifications.mail.link", { url: `${appUrl()}${link}` })}` : "";
  return `${t("notifications.mail.greeting")}\n\n${lines}${url}\n\n${t("notifications.mail.signature")}`;
}

/**
 * Each notification of a user who wants e-mail at once becomes one e-mail (eventKey
 * `notification:<id>`), then is marked mailed. delivery is idempotent per key, so a failed
 * or repeated run sends only what has not gone out.
 */
export async function sendNotificationMails({
  transport = transportFromEnv(),
  provinceId,
}: { transport?: MailTransport | null; provinceId?: string } = {}) {
  const pending = await db.notification.findMany({
    where: {
      mailedAt: null,
      user: { active: true, mailFrequency: "IMMEDIATE" },
      ...(provinceId ? { provinceId } : {}),
    },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: {
      id: true,
      subject: true,
      body: true,
      link: true,
      provinceId: true,
      user: { select: { id: true, email: true, locale: true } },
    },
  });
  if (pending.length === 0) return { sent: 0, failed: 0 };
  const mails: Mail[] = pending.map((n) => ({
    eventKey: `notification:${n.id}`,
    toEmail: n.user.email,
    userId: n.user.id,
    provinceId: n.provinceId,
    subject: n.subject,
    body: mailBody(translator(n.user.locale), n.body, n.link),
  }));
  // On a failure this throws before marking anything: the retry resends only the failed rows.
  const result = await deliver(mails, transport);
  await db.notification.updateMany({
    where: { id: { in: pending.map((n) => n.id) }, mailedAt: null },
    data: { mailedAt: new Date() },
  });
  return result;
}

/** One e-mail a day per user who chose the digest, listing what they were told since the last. */
export async function sendNotificationDigests({
  today = todayInTehran(),
  transport = transportFromEnv(),
  provinceId,
}: { today?: string; transport?: MailTransport | null; provinceId?: string } = {}) {
  const pending = await db.notification.findMany({
    where: {
      mailedAt: null,
      user: { active: true, mailFrequency: "DAILY" },
      ...(provinceId ? { provinceId } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      subject: true,
      link: true,
      provinceId: true,
      user: { select: { id: true, email: true, locale: true } },
    },
  });
  type Pending = (typeof pending)[number];
  const byUser = new Map<string, { user: Pending["user"]; first: Pending; list: Pending[] }>();
  for (const n of pending) {
    const entry = byUser.get(n.user.id);
    if (entry) entry.list.push(n);
    else byUser.set(n.user.id, { user: n.user, first: n, list: [n] });
  }
  const mails: Mail[] = [...byUser.values()].map(({ user, first, list }) => {
    const t = translator(user.locale);
    const lines = list.map((n) => `- ${n.subject}${n.link ? ` (${appUrl()}${n.link})` : ""}`).join("\n");
    return {
      // Named by its first notification: a retried run sends the same digest again (only if it
      // failed), and the next day's starts from what this one marked mailed.
      eventKey: `notification-digest:${user.id}:${first.id}`,
      toEmail: user.email,
      userId: user.id,
      provinceId: first.provinceId,
      subject: t("notifications.mail.dailySubject", {
        count: formatNumber(list.length, user.locale),
        date: formatDate(today, user.locale),
      }),
      body: mailBody(t, `${t("notifications.mail.dailyIntro")}\n\n${lines}`, "/notifications"),
    };
  });
  if (mails.length === 0) return { sent: 0, failed: 0 };
  const result = await deliver(mails, transport);
  await db.notification.updateMany({
    where: { id: { in: pending.map((n) => n.id) }, mailedAt: null },
    data: { mailedAt: new Date() },
  });
  return result;
}
