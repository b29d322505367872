import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { appUrl } from "@/lib/app-url";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { mutation, UserFacingError } from "@/lib/mutation";
import { text } from "@/lib/validation";

// Answers to a session's invitation (issue #37 §3): each invited party — a member or invited
// agency, or a unit on the agenda (its applicant) — answers from the link in its invitation:
// the head in person, a representative (named) or absent. No sign-in: most heads have no
// account. The link carries a signed token naming the session and the party; the signature
// (HMAC-SHA-256 under AUTH_SECRET, cut to 128 bits) is what lets it be answered, so the token
// is as good as the invitation itself, and forwarding the invitation forwards the right to
// answer — which is how an office works (docs/decisions/235-invitation-replies.md).

export type Party = { kind: "agency" | "unit"; id: string };

const secret = () => process.env.AUTH_SECRET ?? "tashil-invitation-reply";
const sign = (payload: string) =>
  createHmac("sha256", secret()).update(`rsvp\n${payload}`).digest().subarray(0, 16).toString("base64url");

/** The token of a party's invitation to a session: "<meeting>.<a|u>.<party>.<signature>". */
export function rsvpToken(meetingId: string, party: Party): string {
  const payload = `${meetingId}.${party.kind === "agency" ? "a" : "u"}.${party.id}`;
  return `${payload}.${sign(payload)}`;
}

export const rsvpUrl = (meetingId: string, party: Party) => `${appUrl()}/rsvp/${rsvpToken(meetingId, party)}`;

/** The session and party a token names, or null for anything not signed by this app. */
export function readRsvpToken(token: string): { meetingId: string; party: Party } | null {
  const m = /^([a-z0-9]{1,64})\.([au])\.([a-z0-9]{1,64})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const [, meetingId = "", kind, id = "", signature = ""] = m;
  const expected = Buffer.from(sign(`${meetingId}.${kind}.${id}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { meetingId, party: { kind: kind === "a" ? "agency" : "unit", id } };
}

/** Is the party still invited: a member or invitee agency, or a unit on the agenda? */
async function invitedParty(meetingId: string, party: Party) {
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      provinceId: true,
      bodyId: true,
      number: true,
      jalaliYear: true,
      startsAt: true,
      place: true,
      status: true,
      body: { select: { kind: true } },
    },
  });
  if (!meeting) return null;
  if (party.kind === "agency") {
    const [member, invitee, agency] = await Promise.all([
      db.bodyMember.findFirst({ where: { bodyId: meeting.bodyId, agencyId: party.id } }),
      db.meetingInvitee.findFirst({ where: { meetingId, agencyId: party.id } }),
      db.agency.findUnique({ where: { id: party.id }, select: { nameFa: true, nameEn: true } }),
    ]);
    if (!agency || (!member && !invitee)) return null;
    return { meeting, name: agency, where: { meetingId, agencyId: party.id } };
  }
  const item = await db.agendaItem.findFirst({
    where: { meetingId, unitId: party.id },
    select: { unit: { select: { name: true } } },
  });
  if (!item) return null;
  return {
    meeting,
    name: { nameFa: item.unit.name, nameEn: item.unit.name },
    where: { meetingId, unitId: party.id },
  };
}

/** What the answer page shows: the session, who is answering, and their answer so far. */
export async function rsvpView(token: string) {
  const read = readRsvpToken(token);
  if (!read) return null;
  const invited = await invitedParty(read.meetingId, read.party);
  if (!invited) return null;
  const reply = await db.invitationReply.findFirst({
    where: invited.where,
    select: { mode: true, attendeeName: true, answeredAt: true },
  });
  return { ...invited, party: read.party, reply };
}
export type RsvpView = NonNullable<Awaited<ReturnType<typeof rsvpView>>>;

export const answerInvitationSchema = z
  .object({
    token: text().trim().min(1).max(300),
    mode: z.enum(["HEAD", "REPRESENTATIVE", "ABSENT"], { message: "rsvp.chooseMode" }),
    attendeeName: text().trim().max(120).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.mode === "REPRESENTATIVE" && !v.attendeeName)
      ctx.addIssue({ code: "custom", path: ["attendeeName"], message: "rsvp.nameRequired" });
  });

/** Records (or changes) the party's answer while the session is still planned. */
export async function answerInvitation(raw: unknown, t: Translate, now = new Date()): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = answerInvitationSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const read = readRsvpToken(parsed.data.token);
    const invited = read ? await invitedParty(read.meetingId, read.party) : null;
    if (!read || !invited) throw new UserFacingError(t("rsvp.badLink"));
    if (invited.meeting.status !== "PLANNED") throw new UserFacingError(t("rsvp.closed"));
    const { mode } = parsed.data;
    const attendeeName = mode === "REPRESENTATIVE" ? (parsed.data.attendeeName ?? null) : null;
    await db.$transaction(async (tx) => {
      const before = await tx.invitationReply.findFirst({ where: invited.where });
      const data = { mode, attendeeName, answeredAt: now };
      if (before) await tx.invitationReply.update({ where: { id: before.id }, data });
      else await tx.invitationReply.create({ data: { ...invited.where, ...data } });
      await recordAudit(tx, {
        actorId: null,
        provinceId: invited.meeting.provinceId,
        action: "meeting.rsvp",
        entityType: "Meeting",
        entityId: invited.meeting.id,
        before: before ? { mode: before.mode, attendeeName: before.attendeeName } : null,
        after: { [read.party.kind]: read.party.id, mode, attendeeName },
      });
    });
    return { ok: true, message: t("rsvp.saved") };
  });
}

/** The session's expected attendance as answered, for its page. */
export async function expectedAttendance(actor: Actor, meetingId: string) {
  authorize(actor, "case.read");
  return db.invitationReply.findMany({
    where: { meetingId, meeting: provinceWhere(actor) },
    orderBy: [{ answeredAt: "asc" }],
    select: {
      id: true,
      mode: true,
      attendeeName: true,
      answeredAt: true,
      agency: { select: { nameFa: true, nameEn: true } },
      unit: { select: { name: true } },
    },
  });
}
