import "server-only";
import pg from "pg";
import { db } from "@/lib/db";
import {
  addDays,
  calendarDate,
  formatDate,
  formatNumber,
  formatRials,
  localName,
  todayInTehran,
} from "@/lib/i18n/format";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";
import { OPEN_STATUSES } from "@/lib/resolutions/status";
import { digestHour } from "@/lib/settings/queries";
import { deliver, type Mail } from "./deliver";
import { mailBody, notify, smsSubscribers, type Recipient } from "./inbox";
import { queueSms, type Sms } from "@/lib/sms/outbox";
import { transportFromEnv, type MailTransport } from "./mailer";

// The scheduled reminders and escalations as digests (issue #35, docs/decisions/160): one
// message per recipient per day, whatever the number of cases. At national size the old
// per-case escalation wrote 8,494 notifications and 5,652 e-mails to one secretariat in a
// minute. Per-event notifications (a notice, a return, a done report, a verdict) stay per event.
//
// Once a day per province and recipient, at the province's hour (settings: digestHour):
// - the run holds a PostgreSQL advisory lock, so two workers run it one after the other;
// - each message's key names what it covers and the day (`resolution.overdueDigest:<province
//   or agency>:<day>`), unique per user (Notification) and per address (EmailMessage), so the
//   second of two runs adds nothing. (An address heading two agencies gets one per agency.)
// - a DigestRun row marks the province done for the day (later hourly runs skip it) and is
//   where the next run counts "new since" from. A province without one (a new deployment, the
//   national seed) gets one summary of everything already overdue, not a message per case.

export type DigestOptions = {
  today?: string;
  /** The run's clock: with it, provinces whose digest hour has not come yet are left for later. */
  now?: Date;
  transport?: MailTransport | null;
  provinceId?: string;
};

export const reminderDays = () => Math.max(1, Number(process.env.REMINDER_DAYS ?? 3) || 3);

/** How many cases a digest names; the rest are counted and one link away. */
const LISTED = 10;
const LISTED_IN_APP = 5;

/**
 * Runs `work` while holding a session-level advisory lock named after the job, on a
 * connection of its own: a second worker (another instance, a retry overlapping a slow run)
 * waits, then finds the day's work done. The lock goes with the connection if the process dies.
 */
export async function exclusively<T>(job: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL ?? "" });
  await client.connect();
  const key = `tashil:job:${job}`;
  try {
    await client.query("select pg_advisory_lock(hashtext($1))", [key]);
    return await work();
  } finally {
    await client.query("select pg_advisory_unlock(hashtext($1))", [key]).catch(() => {});
    await client.end().catch(() => {});
  }
}

/** The hour (0–23) in Tehran of an instant. */
export function tehranHour(now: Date): number {
  const hour = new Intl.DateTimeFormat("en-US", {
    timeZone: "Asia/Tehran",
    hour: "numeric",
    hourCycle: "h23",
  })
    .formatToParts(now)
    .find((p) => p.type === "hour")?.value;
  return Number(hour ?? 0);
}

type DigestKind = "overdue" | "deadlineSoon";

/** The provinces whose digest of this kind is due now and not yet done today. */
async function provincesDue(kind: DigestKind, today: string, now: Date | undefined, provinceId?: string) {
  const provinces = await db.province.findMany({
    where: provinceId ? { id: provinceId } : {},
    select: { id: true, nameFa: true, nameEn: true },
    orderBy: { code: "asc" },
  });
  const done = new Set(
    (
      await db.digestRun.findMany({
        where: { kind, day: calendarDate(today), provinceId: { in: provinces.map((p) => p.id) } },
        select: { provinceId: true },
      })
    ).map((r) => r.provinceId),
  );
  const due = [];
  for (const p of provinces) {
    if (done.has(p.id)) continue;
    if (now && tehranHour(now) < (await digestHour(p.id))) continue;
    due.push(p);
  }
  return due;
}

/** The day of the province's previous digest of this kind, or null: the first one. */
async function previousRun(kind: DigestKind, provinceId: string, today: string): Promise<string | null> {
  const last = await db.digestRun.findFirst({
    where: { kind, provinceId, day: { lt: calendarDate(today) } },
    orderBy: { day: "desc" },
    select: { day: true },
  });
  return last ? last.day.toISOString().slice(0, 10) : null;
}

async function markDone(kind: DigestKind, provinceId: string, today: string, recipients: number) {
  await db.digestRun.createMany({
    data: [{ kind, provinceId, day: calendarDate(today), recipients }],
    skipDuplicates: true,
  });
}

type Case = {
  id: string;
  agencyId: string;
  deadline: Date;
  text: string;
  unit: string;
  amount: bigint;
  lateRank: number;
  amountRank: number;
  provinceLateRank: number;
  provinceAmountRank: number;
};

/**
 * The cases a digest names, ranked in SQL so a province with 20,000 overdue cases sends only
 * the first few to Node: per agency and for the whole province, the most days late and the
 * largest amounts (the sum of the case's obstacles in rials).
 */
async function rankedCases(provinceId: string, where: { before?: string; from?: string; to?: string }) {
  const open = [...OPEN_STATUSES];
  const rows = await db.$queryRaw<Case[]>`
    with c as (
      select r.id, r."responsibleAgencyId" as "agencyId", r.deadline, r.text, u.name as unit,
        coalesce((select sum(o."amountRials") from "ResolutionObstacle" ro
                  join "Obstacle" o on o.id = ro."obstacleId" where ro."resolutionId" = r.id), 0)::bigint as amount
      from "Resolution" r join "ProductionUnit" u on u.id = r."unitId"
      where r."provinceId" = ${provinceId} and r.status = any(${open}::"ResolutionStatus"[])
        and (${where.before ?? null}::date is null or r.deadline < ${where.before ?? null}::date)
        and (${where.from ?? null}::date is null or r.deadline >= ${where.from ?? null}::date)
        and (${where.to ?? null}::date is null or r.deadline <= ${where.to ?? null}::date)
    ), ranked as (
      select c.*,
        row_number() over (partition by "agencyId" order by deadline, id)::int as "lateRank",
        row_number() over (partition by "agencyId" order by amount desc, deadline, id)::int as "amountRank",
        row_number() over (order by deadline, id)::int as "provinceLateRank",
        row_number() over (order by amount desc, deadline, id)::int as "provinceAmountRank"
      from c
    )
    select * from ranked
    where "lateRank" <= ${LISTED} or "amountRank" <= ${LISTED}
      or "provinceLateRank" <= ${LISTED} or "provinceAmountRank" <= ${LISTED}`;
  return rows;
}

/** Counts per agency: all cases, and those new since `from` (deadline on or after it). */
async function countsByAgency(
  provinceId: string,
  range: { before?: string; from?: string; to?: string },
  from: string,
) {
  const open = [...OPEN_STATUSES];
  const rows = await db.$queryRaw<{ agencyId: string; total: number; fresh: number }[]>`
    select r."responsibleAgencyId" as "agencyId", count(*)::int as total,
      (count(*) filter (where r.deadline >= ${from}::date))::int as fresh
    from "Resolution" r
    where r."provinceId" = ${provinceId} and r.status = any(${open}::"ResolutionStatus"[])
      and (${range.before ?? null}::date is null or r.deadline < ${range.before ?? null}::date)
      and (${range.from ?? null}::date is null or r.deadline >= ${range.from ?? null}::date)
      and (${range.to ?? null}::date is null or r.deadline <= ${range.to ?? null}::date)
    group by 1`;
  return new Map(rows.map((r) => [r.agencyId, r]));
}

type Person = { id: string | null; email: string; locale: Locale };
type Texted = { id: string | null; mobile: string; locale: Locale };
type Audience = {
  /** Who is told: the province's secretariat (every agency) or one agency's people. */
  agencyId: string | null;
  scope: { nameFa: string; nameEn: string };
  inApp: Recipient[];
  mail: Person[];
  /** By SMS (issue #37): the agency's head on its record, and users who chose SMS. */
  sms: Texted[];
};

async function audiences(
  provinceId: string,
  province: { nameFa: string; nameEn: string },
  agencyIds: string[],
  {
    secretariat: withSecretariat,
    heads,
    agencyMail,
  }: { secretariat: boolean; heads: boolean; agencyMail: boolean },
): Promise<Audience[]> {
  const [secretariat, agencies, agencyUsers, secretariatSms, agencySms] = await Promise.all([
    db.user.findMany({
      where: { provinceId, active: true, roles: { has: "SECRETARIAT" } },
      select: { id: true, email: true, locale: true },
      orderBy: { id: "asc" },
    }),
    db.agency.findMany({
      where: { id: { in: agencyIds } },
      select: { id: true, nameFa: true, nameEn: true, email: true, headMobile: true },
    }),
    db.user.findMany({
      where: { agencyId: { in: agencyIds }, active: true, roles: { has: "AGENCY" } },
      select: { id: true, email: true, locale: true, agencyId: true },
      orderBy: { id: "asc" },
    }),
    withSecretariat ? smsSubscribers(db, { provinceId, roles: { has: "SECRETARIAT" } }) : [],
    smsSubscribers(db, { agencyId: { in: agencyIds }, roles: { has: "AGENCY" } }),
  ]);
  const texted = (users: { id: string; mobile: string | null; locale: Locale }[]): Texted[] =>
    users.flatMap((u) => (u.mobile ? [{ id: u.id, mobile: u.mobile, locale: u.locale }] : []));
  const out: Audience[] = [];
  if (withSecretariat && secretariat.length)
    out.push({
      agencyId: null,
      scope: province,
      inApp: secretariat,
      mail: secretariat,
      sms: texted(secretariatSms),
    });
  for (const a of agencies) {
    const users = agencyUsers.filter((u) => u.agencyId === a.id);
    const head: Person[] =
      heads && a.email?.trim() ? [{ id: null, email: a.email.trim(), locale: "fa" }] : [];
    const mail = [...head, ...(agencyMail ? users : [])];
    const sms: Texted[] = [
      ...(heads && a.headMobile ? [{ id: null, mobile: a.headMobile, locale: "fa" as const }] : []),
      ...texted(agencySms.filter((u) => u.agencyId === a.id)),
    ];
    if (users.length || mail.length || sms.length)
      out.push({ agencyId: a.id, scope: a, inApp: users, mail, sms });
  }
  return out;
}

/** The digest's SMS to each number of an audience, in the same transaction as its notifications. */
function digestSms(
  a: Audience,
  eventKey: string,
  provinceId: string,
  text: (locale: Locale, t: Translate) => string,
): Sms[] {
  return a.sms.map((to) => ({
    eventKey,
    to: to.mobile,
    userId: to.id,
    provinceId,
    text: text(to.locale, translator(to.locale)),
  }));
}

// ─── Overdue escalations ────────────────────────────────────────────────────

/**
 * Past the deadline with nothing reported: once a day, one digest per person — the province's
 * secretariat (in the app and by e-mail) over every agency, each agency's users (in the app)
 * and its head (by e-mail, when the agency's record has an address) over that agency.
 */
export function escalateOverdue({
  today = todayInTehran(),
  now,
  transport = transportFromEnv(),
  provinceId,
}: DigestOptions = {}) {
  return exclusively("overdue-escalations", async () => {
    let sent = 0;
    let recipients = 0;
    for (const province of await provincesDue("overdue", today, now, provinceId)) {
      const previous = await previousRun("overdue", province.id, today);
      // New: overdue since the last digest. The first digest counts as new only what fell
      // overdue today; the rest is history, summarised in this one message.
      const from = previous ?? addDays(today, -1);
      const counts = await countsByAgency(province.id, { before: today }, from);
      if (counts.size === 0) {
        await markDone("overdue", province.id, today, 0);
        continue;
      }
      const cases = await rankedCases(province.id, { before: today });
      const told = await audiences(province.id, province, [...counts.keys()], {
        secretariat: true,
        heads: true,
        agencyMail: false,
      });
      const agencyNames = await names([...counts.keys()]);
      const mails: Mail[] = [];
      const mailedAt = new Date();
      await db.$transaction(async (tx) => {
        for (const a of told) {
          const mine = a.agencyId ? [counts.get(a.agencyId)] : [...counts.values()];
          const total = mine.reduce((s, c) => s + (c?.total ?? 0), 0);
          const fresh = mine.reduce((s, c) => s + (c?.fresh ?? 0), 0);
          const late = pick(cases, a.agencyId, "late");
          const big = pick(cases, a.agencyId, "amount").filter((c) => c.amount > 0n);
          const link = a.agencyId
            ? `/resolutions?overdue=1&agencyId=${a.agencyId}`
            : "/resolutions?overdue=1";
          const render = (locale: Locale, t: Translate) => {
            const n = (v: number) => formatNumber(v, locale);
            const headline = previous
              ? previous === addDays(today, -1)
                ? t("notifications.digest.overdueToday", { fresh: n(fresh), total: n(total) })
                : t("notifications.digest.overdueSince", {
                    fresh: n(fresh),
                    total: n(total),
                    date: formatDate(previous, locale),
                  })
              : t("notifications.digest.overdueFirst", {
                  fresh: n(fresh),
                  total: n(total),
                  historic: n(total - fresh),
                });
            const line = (c: Case, i: number, key: "lateLine" | "amountLine") =>
              t(`notifications.digest.${key}`, {
                n: n(i + 1),
                unit: c.unit,
                agency: localName(agencyNames.get(c.agencyId) ?? { nameFa: "", nameEn: "" }, locale),
                days: n(daysLate(c.deadline, today)),
                deadline: formatDate(c.deadline, locale),
                amount: formatRials(c.amount, locale),
              });
            const section = (title: string, list: Case[], key: "lateLine" | "amountLine", max: number) =>
              list.length
                ? `\n\n${title}\n${list
                    .slice(0, max)
                    .map((c, i) => line(c, i, key))
                    .join("\n")}`
                : "";
            const rest = (shown: number) =>
              total > shown ? `\n${t("notifications.digest.more", { count: n(total - shown) })}` : "";
            return {
              headline,
              scope: localName(a.scope, locale),
              total: n(total),
              date: formatDate(today, locale),
              inApp:
                section(t("notifications.digest.mostLate"), late, "lateLine", LISTED_IN_APP).trimStart() +
                rest(Math.min(late.length, LISTED_IN_APP)),
              mail:
                `${headline}.` +
                section(t("notifications.digest.mostLate"), late, "lateLine", LISTED) +
                rest(Math.min(late.length, LISTED)) +
                section(t("notifications.digest.mostAmount"), big, "amountLine", LISTED),
            };
          };
          await notify(tx, {
            kind: "resolution.overdueDigest",
            eventKey: `resolution.overdueDigest:${a.agencyId ?? province.id}:${today}`,
            provinceId: province.id,
            link,
            recipients: a.inApp,
            params: (locale, t) => {
              const r = render(locale, t);
              return { headline: r.headline, list: r.inApp };
            },
            // The secretariat's e-mail is the digest below; agency users read theirs in the app
            // (their head gets the e-mail), as before the digests.
            mailedAt,
          });
          await queueSms(
            tx,
            digestSms(
              a,
              `resolution.overdueDigest:${a.agencyId ?? province.id}:${today}`,
              province.id,
              (locale, t) =>
                t("sms.texts.overdue", {
                  total: formatNumber(total, locale),
                  fresh: formatNumber(fresh, locale),
                  scope: localName(a.scope, locale),
                }),
            ),
          );
          for (const to of a.mail) {
            const t = translator(to.locale);
            const r = render(to.locale, t);
            mails.push({
              eventKey: `resolution.overdueDigest:${a.agencyId ?? province.id}:${today}`,
              toEmail: to.email,
              userId: to.id,
              provinceId: province.id,
              subject: t("notifications.digest.overdueSubject", {
                scope: r.scope,
                total: r.total,
                date: r.date,
              }),
              body: mailBody(t, r.mail, link),
            });
          }
        }
      });
      const result = await deliver(mails, transport);
      sent += result.sent;
      const people = new Set(
        told.flatMap((a) => [...a.inApp.map((u) => u.id), ...a.mail.map((m) => m.email)]),
      );
      recipients += people.size;
      await markDone("overdue", province.id, today, people.size);
    }
    return { sent, failed: 0, recipients };
  });
}

// ─── Deadline reminders ─────────────────────────────────────────────────────

/**
 * REMINDER_DAYS before a deadline: once a day, one digest per agency user (in the app and
 * by e-mail) listing the agency's open cases due from today to that day, soonest first.
 */
export function sendDeadlineReminders({
  today = todayInTehran(),
  now,
  transport = transportFromEnv(),
  provinceId,
}: DigestOptions = {}) {
  return exclusively("deadline-reminders", async () => {
    let sent = 0;
    let recipients = 0;
    const days = reminderDays();
    const range = { from: today, to: addDays(today, days) };
    for (const province of await provincesDue("deadlineSoon", today, now, provinceId)) {
      const counts = await countsByAgency(province.id, range, today);
      const told = counts.size
        ? await audiences(province.id, province, [...counts.keys()], {
            secretariat: false,
            // The head on the agency's record is reminded too (issue #37): by e-mail and SMS when
            // the agency has no users, as a copy when it has.
            heads: true,
            agencyMail: true,
          })
        : [];
      if (told.length === 0) {
        await markDone("deadlineSoon", province.id, today, 0);
        continue;
      }
      const cases = await rankedCases(province.id, range);
      const mails: Mail[] = [];
      const mailedAt = new Date();
      await db.$transaction(async (tx) => {
        for (const a of told) {
          if (!a.agencyId) continue;
          const total = counts.get(a.agencyId)?.total ?? 0;
          const soon = pick(cases, a.agencyId, "late");
          const link = "/agency";
          const render = (locale: Locale, t: Translate) => {
            const n = (v: number) => formatNumber(v, locale);
            const headline = t("notifications.digest.soonHeadline", {
              count: n(total),
              days: n(days),
              scope: localName(a.scope, locale),
            });
            const lines = soon.map((c, i) =>
              t("notifications.digest.soonLine", {
                n: n(i + 1),
                unit: c.unit,
                deadline: formatDate(c.deadline, locale),
                days: n(-daysLate(c.deadline, today)),
              }),
            );
            const more =
              total > soon.length
                ? `\n${t("notifications.digest.more", { count: n(total - soon.length) })}`
                : "";
            return {
              headline,
              list: lines.join("\n") + more,
              count: n(total),
              days: n(days),
              date: formatDate(today, locale),
            };
          };
          await notify(tx, {
            kind: "resolution.deadlineSoonDigest",
            eventKey: `resolution.deadlineSoonDigest:${a.agencyId}:${today}`,
            provinceId: province.id,
            link,
            recipients: a.inApp,
            params: (locale, t) => {
              const r = render(locale, t);
              return { headline: r.headline, list: r.list };
            },
            // The e-mail below is the same digest.
            mailedAt,
          });
          await queueSms(
            tx,
            digestSms(a, `resolution.deadlineSoonDigest:${a.agencyId}:${today}`, province.id, (locale, t) =>
              t("sms.texts.soon", {
                count: formatNumber(total, locale),
                days: formatNumber(days, locale),
                scope: localName(a.scope, locale),
              }),
            ),
          );
          for (const to of a.mail) {
            const t = translator(to.locale);
            const r = render(to.locale, t);
            mails.push({
              eventKey: `resolution.deadlineSoonDigest:${a.agencyId}:${today}`,
              toEmail: to.email,
              userId: to.id,
              provinceId: province.id,
              subject: t("notifications.digest.soonSubject", { count: r.count, days: r.days, date: r.date }),
              body: mailBody(t, `${r.headline}.\n\n${r.list}`, link),
            });
          }
        }
      });
      const result = await deliver(mails, transport);
      sent += result.sent;
      const people = new Set(
        told.flatMap((a) => [...a.inApp.map((u) => u.id), ...a.mail.map((m) => m.email)]),
      );
      recipients += people.size;
      await markDone("deadlineSoon", province.id, today, people.size);
    }
    return { sent, failed: 0, recipients };
  });
}

// ─── Helpers ────────────────────────────────────────────────────────────────

function daysLate(deadline: Date, today: string): number {
  return Math.round((calendarDate(today).getTime() - deadline.getTime()) / 86_400_000);
}

function pick(cases: Case[], agencyId: string | null, by: "late" | "amount"): Case[] {
  const rank = (c: Case) =>
    agencyId
      ? by === "late"
        ? c.lateRank
        : c.amountRank
      : by === "late"
        ? c.provinceLateRank
        : c.provinceAmountRank;
  return cases
    .filter((c) => (agencyId ? c.agencyId === agencyId : true) && rank(c) <= LISTED)
    .sort((x, y) => rank(x) - rank(y));
}

async function names(agencyIds: string[]) {
  const rows = await db.agency.findMany({
    where: { id: { in: agencyIds } },
    select: { id: true, nameFa: true, nameEn: true },
  });
  return new Map(rows.map((a) => [a.id, a]));
}
