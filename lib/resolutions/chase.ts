import "server-only";
import { db, type Tx } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import { calendarDate, formatNumber, localName, todayInTehran } from "@/lib/i18n/format";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";
import { mutation, UserFacingError } from "@/lib/mutation";
import { deliver, type Mail } from "@/lib/notifications/deliver";
import {
  agencyReach,
  mailBody,
  notify,
  RESOLUTION_FOR_NOTICE,
  resolutionParams,
} from "@/lib/notifications/inbox";
import { transportFromEnv, type MailTransport } from "@/lib/notifications/mailer";
import { queueSms, sendQueuedSmsNow } from "@/lib/sms/outbox";
import { smsProviderFromEnv, type SmsProvider } from "@/lib/sms/providers";
import { maskMobile } from "@/lib/sms/rules";
import { OPEN_STATUSES } from "./status";
import { remindAgencySchema, remindResolutionSchema } from "./schema";

// "Remind now": the secretariat chases by hand, between the scheduled reminders. At most
// once a Tehran day per resolution (a compare-and-set on lastRemindedOn), so a second click,
// a colleague's click or a whole-agency reminder the same day adds nothing.
//
// Most agencies have no users in the app (35 of the demo's 38): an in-app reminder would reach
// nobody. Then the reminder goes to the head's e-mail and mobile on the agency's record, and
// without either nothing is sent, nothing is marked, and the answer says so and points to a
// printed letter (issue #30.5). An agency with users gets the reminder in the app, and its
// head a copy by e-mail and SMS (issue #37).

type Reach = Awaited<ReturnType<typeof agencyReach>>;

/** The head's copy of a reminder, written with the claim so it cannot be lost between them. */
async function queueHeadMail(tx: Tx, mail: Mail, transport: MailTransport | null) {
  await tx.emailMessage.createMany({
    data: [{ ...mail, status: transport ? "PENDING" : "OUTBOX" }],
    skipDuplicates: true,
  });
}

type HeadCopy = { mail: Mail | null; eventKey: string; mobile: string | null; users: number };

/**
 * Sends what was queued for the head (the mail now; the SMS now unless quiet hours or the cap
 * hold it) and answers in words: the user must know whom it reached.
 */
async function answerHead(
  head: HeadCopy,
  transport: MailTransport | null,
  sms: SmsProvider | null,
  t: Translate,
  sentKey: "resolutions.remind.sent" | "resolutions.remind.sentMany",
): Promise<FormState> {
  if (head.mobile) await sendQueuedSmsNow(head.eventKey, sms);
  if (head.mail)
    try {
      await deliver([head.mail], transport);
    } catch {
      return { ok: false, message: t("resolutions.remind.headMailFailed", { email: head.mail.toEmail }) };
    }
  const contacts = [
    ...(head.mail ? [t("resolutions.remind.viaEmail", { email: head.mail.toEmail })] : []),
    ...(head.mobile ? [t("resolutions.remind.viaSms", { mobile: maskMobile(head.mobile) })] : []),
  ].join("، ");
  if (!contacts) return { ok: true, message: t(sentKey) };
  if (head.users > 0) return { ok: true, message: t("resolutions.remind.sentWithHeadCopy", { contacts }) };
  if (head.mail && !head.mobile)
    return { ok: true, message: t("resolutions.remind.sentToHead", { email: head.mail.toEmail }) };
  return { ok: true, message: t("resolutions.remind.sentToHeadContacts", { contacts }) };
}

function unreachable(reach: Reach, t: Translate) {
  if (reach.users.length === 0 && !reach.headEmail && !reach.headMobile)
    throw new UserFacingError(t("resolutions.remind.unreachable"));
}

/** The head's SMS of a reminder, in Persian, queued with the claim. */
async function queueHeadSms(tx: Tx, eventKey: string, mobile: string, provinceId: string, text: string) {
  await queueSms(tx, [{ eventKey, to: mobile, provinceId, text }]);
}

/** Marks the open resolutions not yet reminded today; answers the ids it marked. */
async function claimToday(tx: Tx, ids: string[], today: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const day = calendarDate(today);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "Resolution" SET "lastRemindedOn" = ${day}::date
    WHERE id = ANY(${ids}) AND status::text = ANY(${[...OPEN_STATUSES]})
      AND ("lastRemindedOn" IS NULL OR "lastRemindedOn" < ${day}::date)
    RETURNING id`;
  return rows.map((r) => r.id);
}

export async function remindResolution(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  today = todayInTehran(),
  transport: MailTransport | null = transportFromEnv(),
  sms: SmsProvider | null = smsProviderFromEnv(),
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = remindResolutionSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "resolution.remind");
    const { id } = parsed.data;
    const head = await db.$transaction(async (tx): Promise<HeadCopy> => {
      const r = await tx.resolution.findFirst({
        where: { id, ...provinceWhere(actor) },
        select: { ...RESOLUTION_FOR_NOTICE, status: true },
      });
      if (!r) throw new UserFacingError(t("errors.notFoundRecord"));
      authorize(actor, "resolution.remind", { provinceId: r.provinceId });
      if (!(OPEN_STATUSES as readonly string[]).includes(r.status))
        throw new UserFacingError(t("resolutions.notOpen"), undefined, "conflict");
      const reach = await agencyReach(tx, r.responsibleAgencyId);
      unreachable(reach, t);
      if ((await claimToday(tx, [id], today)).length === 0)
        throw new UserFacingError(t("resolutions.remind.alreadyToday"));
      const eventKey = `resolution.remind:${id}:${today}`;
      let mail: Mail | null = null;
      if (reach.users.length > 0)
        await notify(tx, {
          kind: "resolution.remind",
          eventKey,
          provinceId: r.provinceId,
          link: `/resolutions/${id}`,
          recipients: reach.users,
          params: resolutionParams(r),
        });
      if (reach.headEmail) {
        mail = headReminder(
          eventKey,
          reach.headEmail,
          r.provinceId,
          `/resolutions/${id}`,
          resolutionParams(r),
        );
        await queueHeadMail(tx, mail, transport);
      }
      if (reach.headMobile) {
        const fa = translator("fa");
        const p = resolutionParams(r)("fa", fa);
        await queueHeadSms(tx, eventKey, reach.headMobile, r.provinceId, fa("sms.texts.remind", p));
      }
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: r.provinceId,
        action: "resolution.remind",
        entityType: "Resolution",
        entityId: id,
        after: {
          remindedOn: today,
          ...(mail ? { headEmail: mail.toEmail } : {}),
          ...(reach.headMobile ? { headMobile: reach.headMobile } : {}),
        },
      });
      return { mail, eventKey, mobile: reach.headMobile, users: reach.users.length };
    });
    return answerHead(head, transport, sms, t, "resolutions.remind.sent");
  });
}

/** The reminder as the agency head reads it: Persian, like the overdue escalation's e-mail. */
function headReminder(
  eventKey: string,
  toEmail: string,
  provinceId: string,
  link: string,
  params: (locale: "fa", t: Translate) => Record<string, string>,
): Mail {
  const fa = translator("fa");
  const p = params("fa", fa);
  return {
    eventKey,
    // deliver() keys a mail by the lower-cased address: the row queued here must be the same.
    toEmail: toEmail.trim().toLowerCase(),
    userId: null,
    provinceId,
    subject: fa("notifications.kinds.resolution_remind.subject", p),
    body: mailBody(fa, fa("notifications.kinds.resolution_remind.body", p), link),
  };
}

/** Every open resolution of an agency not yet reminded today, in one notification per user. */
export async function remindAgency(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  today = todayInTehran(),
  transport: MailTransport | null = transportFromEnv(),
  sms: SmsProvider | null = smsProviderFromEnv(),
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = remindAgencySchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "resolution.remind");
    const done = await db.$transaction(async (tx) => {
      const agency = await tx.agency.findFirst({
        where: { id: parsed.data.agencyId, ...provinceWhere(actor) },
        select: { id: true, provinceId: true, nameFa: true, nameEn: true },
      });
      if (!agency) throw new UserFacingError(t("errors.notFoundRecord"));
      authorize(actor, "resolution.remind", { provinceId: agency.provinceId });
      const reach = await agencyReach(tx, agency.id);
      unreachable(reach, t);
      const open = await tx.resolution.findMany({
        where: { responsibleAgencyId: agency.id, status: { in: [...OPEN_STATUSES] } },
        select: { id: true },
        orderBy: { deadline: "asc" },
      });
      const claimed = await claimToday(
        tx,
        open.map((r) => r.id),
        today,
      );
      if (claimed.length === 0) return null;
      const list = await tx.resolution.findMany({
        where: { id: { in: claimed } },
        select: RESOLUTION_FOR_NOTICE,
        orderBy: { deadline: "asc" },
      });
      const [first] = list;
      if (!first) return null;
      // The claimed set is new each time (a resolution is claimed once a day), so is the key.
      const eventKey = `agency.remind:${agency.id}:${today}:${claimed.sort()[0]}`;
      const params = (locale: Locale, tr: Translate) => ({
        ...resolutionParams(first)(locale, tr),
        unit: tr("resolutions.remind.many", { count: formatNumber(list.length, locale) }),
        text: list.map((r) => `${r.unit.name}: ${r.text}`).join("\n"),
        agency: localName(agency, locale),
      });
      let mail: Mail | null = null;
      if (reach.users.length > 0)
        await notify(tx, {
          kind: "resolution.remind",
          eventKey,
          provinceId: agency.provinceId,
          link: "/agency",
          recipients: reach.users,
          params,
        });
      if (reach.headEmail) {
        mail = headReminder(eventKey, reach.headEmail, agency.provinceId, `/agencies/${agency.id}`, params);
        await queueHeadMail(tx, mail, transport);
      }
      if (reach.headMobile) {
        const fa = translator("fa");
        const text =
          list.length === 1
            ? fa("sms.texts.remind", { ...resolutionParams(first)("fa", fa), agency: agency.nameFa })
            : fa("sms.texts.remindMany", { count: formatNumber(list.length, "fa"), agency: agency.nameFa });
        await queueHeadSms(tx, eventKey, reach.headMobile, agency.provinceId, text);
      }
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: agency.provinceId,
        action: "agency.remind",
        entityType: "Agency",
        entityId: agency.id,
        after: {
          remindedOn: today,
          resolutions: claimed,
          ...(mail ? { headEmail: mail.toEmail } : {}),
          ...(reach.headMobile ? { headMobile: reach.headMobile } : {}),
        },
      });
      return { mail, eventKey, mobile: reach.headMobile, users: reach.users.length };
    });
    if (!done) throw new UserFacingError(t("resolutions.remind.nothingToday"));
    return answerHead(done, transport, sms, t, "resolutions.remind.sentMany");
  });
}
