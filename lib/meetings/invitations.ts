import "server-only";
import { createEvent } from "ics";
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { appUrl } from "@/lib/app-url";
import { invalid, type FormState } from "@/lib/forms";
import { formatDate, formatDateTime, formatNumber, localName } from "@/lib/i18n/format";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";
import { mutation, UserFacingError } from "@/lib/mutation";
import { deliver, type Mail } from "@/lib/notifications/deliver";
import { mailBody, smsSubscribers } from "@/lib/notifications/inbox";
import { transportFromEnv, type MailTransport } from "@/lib/notifications/mailer";
import { queueSms, sendQueuedSmsNow, type Sms } from "@/lib/sms/outbox";
import { smsProviderFromEnv, type SmsProvider } from "@/lib/sms/providers";
import { text } from "@/lib/validation";
import { foldIcs } from "@/lib/invitations/ics-fold";
import { invitationsSentMessage } from "@/lib/invitations/sent";
import { rsvpUrl } from "./rsvp";
import { meetingTitle } from "./title";

// A session's invitation (issue #37, point 3): to every member agency of the body and every
// agency invited to the session — its users and its head on the record — and to the applicant
// of every unit on the agenda (the unit's representative), by e-mail with an iCalendar file
// (`ics`, so calendars offer to add it) and by SMS. Each carries the party's own reply link
// (lib/meetings/rsvp.ts): head in person, a representative or absent. Once per session time: the
// event key names the start, so a rescheduled session is announced again and a second click
// the same day adds nothing.

export const sendInvitationsSchema = z.object({ meetingId: text().trim().min(1).max(64) });

/**
 * The calendar file: UTC times, a stable UID per session, the agenda in the description; its
 * lines folded at 75 octets (lib/invitations/ics-fold.ts), not the library's 75 characters.
 */
export function meetingIcs({
  uid,
  start,
  title,
  location,
  description,
  url,
}: {
  uid: string;
  start: Date;
  title: string;
  location: string | null;
  description: string;
  url: string;
}): string {
  const { error, value } = createEvent({
    uid,
    productId: "tashil/invitations",
    method: "REQUEST",
    start: start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    // Sessions are planned by their start; two hours is the working group's usual length.
    duration: { hours: 2 },
    title,
    description,
    ...(location ? { location } : {}),
    url,
    status: "CONFIRMED",
  });
  if (error || !value) throw error ?? new Error("calendar file not made");
  return foldIcs(value);
}

export async function sendInvitations(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  {
    transport = transportFromEnv(),
    sms = smsProviderFromEnv(),
  }: { transport?: MailTransport | null; sms?: SmsProvider | null } = {},
): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = sendInvitationsSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "meeting.write");
    const meeting = await db.meeting.findFirst({
      where: { id: parsed.data.meetingId, ...provinceWhere(actor) },
      select: {
        id: true,
        provinceId: true,
        number: true,
        jalaliYear: true,
        startsAt: true,
        place: true,
        status: true,
        body: { select: { kind: true, members: { select: { agencyId: true } } } },
        invitees: { select: { agencyId: true } },
        agendaItems: {
          orderBy: { position: "asc" },
          select: { unit: { select: { id: true, name: true } } },
        },
      },
    });
    if (!meeting) throw new UserFacingError(t("errors.notFoundRecord"));
    authorize(actor, "meeting.write", { provinceId: meeting.provinceId });
    if (meeting.status !== "PLANNED") throw new UserFacingError(t("invitations.notPlanned"));
    const agencyIds = [
      ...new Set([
        ...meeting.body.members.map((m) => m.agencyId),
        ...meeting.invitees.map((i) => i.agencyId),
      ]),
    ];
    const [agencies, users, texted] = await Promise.all([
      db.agency.findMany({
        where: { id: { in: agencyIds }, active: true },
        select: { id: true, nameFa: true, nameEn: true, email: true, headMobile: true },
      }),
      db.user.findMany({
        where: { agencyId: { in: agencyIds }, active: true, roles: { has: "AGENCY" } },
        select: { id: true, email: true, locale: true, agencyId: true },
      }),
      smsSubscribers(db, { agencyId: { in: agencyIds }, roles: { has: "AGENCY" } }),
    ]);
    // The units' representatives: the applicant whose accepted request brought the unit here.
    const applicants = await db.unitRequest.findMany({
      where: {
        unitId: { in: meeting.agendaItems.map((a) => a.unit.id) },
        status: "ACCEPTED",
        applicant: { active: true },
      },
      select: {
        unitId: true,
        applicant: {
          select: {
            id: true,
            email: true,
            locale: true,
            mobile: true,
            mobileVerifiedAt: true,
            smsOptIn: true,
          },
        },
      },
    });
    const eventKey = `meeting.invitation:${meeting.id}:${meeting.startsAt.toISOString()}`;
    const link = `/meetings/${meeting.id}`;
    const render = (
      locale: Locale,
      agency: { nameFa: string; nameEn: string },
      reply: string,
      note: "unit" | null = null,
    ) => {
      const tr = translator(locale);
      const title = meetingTitle(meeting, locale, tr);
      const agenda = meeting.agendaItems.length
        ? meeting.agendaItems
            .map((a, i) =>
              tr("invitations.agendaLine", { n: formatNumber(i + 1, locale), unit: a.unit.name }),
            )
            .join("\n")
        : tr("invitations.noAgenda");
      const params = {
        agency: localName(agency, locale),
        meeting: title,
        when: formatDateTime(meeting.startsAt, locale, { style: "long" }),
        place: meeting.place ?? tr("invitations.noPlace"),
        agenda,
        date: formatDate(meeting.startsAt, locale),
      };
      const body = [
        tr("invitations.body", params),
        ...(note ? [tr("invitations.unitNote")] : []),
        tr("invitations.rsvpLine", { url: reply }),
      ].join("\n\n");
      const sms = `${tr("invitations.sms", params)} ${tr("invitations.smsRsvp", { url: reply })}`;
      return { tr, title, agenda, params, body, sms };
    };
    const calendar = (tr: Translate, title: string, description: string) =>
      meetingIcs({
        uid: `meeting-${meeting.id}@tashil`,
        start: meeting.startsAt,
        title: tr("invitations.calendarTitle", { meeting: title }),
        location: meeting.place,
        description,
        url: `${appUrl()}${link}`,
      });
    const mails: Mail[] = [];
    const texts: Sms[] = [];
    // Counted apart: the confirmation says "5 agencies and 3 units", not "8 agencies".
    const reached = { agencies: 0, units: 0 };
    for (const agency of agencies) {
      const people: { email: string; userId: string | null; locale: Locale }[] = [
        ...(agency.email?.trim()
          ? [{ email: agency.email.trim(), userId: null, locale: "fa" as const }]
          : []),
        ...users
          .filter((u) => u.agencyId === agency.id)
          .map((u) => ({ email: u.email, userId: u.id, locale: u.locale })),
      ];
      const phones: { to: string; userId: string | null; locale: Locale }[] = [
        ...(agency.headMobile ? [{ to: agency.headMobile, userId: null, locale: "fa" as const }] : []),
        ...texted
          .filter((u) => u.agencyId === agency.id && u.mobile)
          .map((u) => ({ to: u.mobile ?? "", userId: u.id, locale: u.locale })),
      ];
      if (people.length || phones.length) reached.agencies++;
      const reply = rsvpUrl(meeting.id, { kind: "agency", id: agency.id });
      for (const p of people) {
        const { tr, title, params, body } = render(p.locale, agency, reply);
        mails.push({
          eventKey,
          toEmail: p.email,
          userId: p.userId,
          provinceId: meeting.provinceId,
          subject: tr("invitations.subject", params),
          body: mailBody(tr, body, p.userId ? link : null),
          calendar: calendar(tr, title, body),
        });
      }
      for (const p of phones) {
        const { sms } = render(p.locale, agency, reply);
        texts.push({ eventKey, to: p.to, userId: p.userId, provinceId: meeting.provinceId, text: sms });
      }
    }
    for (const item of meeting.agendaItems) {
      const people = applicants.filter((a) => a.unitId === item.unit.id).map((a) => a.applicant);
      if (people.length === 0) continue;
      reached.units++;
      const reply = rsvpUrl(meeting.id, { kind: "unit", id: item.unit.id });
      for (const p of people) {
        const party = {
          nameFa: translator("fa")("invitations.unitParty", { unit: item.unit.name }),
          nameEn: translator("en")("invitations.unitParty", { unit: item.unit.name }),
        };
        const { tr, title, params, body, sms } = render(p.locale, party, reply, "unit");
        mails.push({
          eventKey,
          toEmail: p.email,
          userId: p.id,
          provinceId: meeting.provinceId,
          subject: tr("invitations.subject", params),
          body: mailBody(tr, body, null),
          calendar: calendar(tr, title, body),
        });
        if (p.mobile && p.mobileVerifiedAt && p.smsOptIn)
          texts.push({ eventKey, to: p.mobile, userId: p.id, provinceId: meeting.provinceId, text: sms });
      }
    }
    if (reached.agencies + reached.units === 0) throw new UserFacingError(t("invitations.nobody"));
    await db.$transaction(async (tx) => {
      await queueSms(tx, texts);
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: meeting.provinceId,
        action: "meeting.invite",
        entityType: "Meeting",
        entityId: meeting.id,
        after: {
          startsAt: meeting.startsAt,
          agencies: reached.agencies,
          units: reached.units,
          mails: mails.length,
          sms: texts.length,
        },
      });
    });
    // E-mails after the audit entry: a failed send stays in the outbox and is retried by the job.
    await deliver(mails, transport).catch(() => {});
    await sendQueuedSmsNow(eventKey, sms);
    return {
      ok: true,
      message: invitationsSentMessage(t, { ...reached, mails: mails.length, texts: texts.length }),
    };
  });
}
