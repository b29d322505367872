import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { authorize, writeProvince, type Actor } from "@/lib/auth/policy";
import { invalid, type FormState } from "@/lib/forms";
import { formatDate, formatNumber, localName } from "@/lib/i18n/format";
import { localeOf, translator, type Translate } from "@/lib/i18n/messages";
import { mutation, UserFacingError } from "@/lib/mutation";
import { meetingTitle } from "@/lib/meetings/title";
import { noticeNumberLabel } from "@/lib/notices/number";
import { absenceLetter } from "@/lib/outcomes/attendance";
import { text } from "@/lib/validation";
import { letterRecipient } from "./content";
import { letterFor, withLetterNumbering } from "./issue";

// The chair's letter to an agency whose head missed at least 2 of the last 4 sessions (issue
// #36 §4), issued as an official letter (decision 233): numbered in the province's series,
// frozen in Persian, with its verification code and QR, instead of a page printed from live
// data. One letter per streak: the scope names the agency and the newest of the sessions it
// covers, so pressing again (or two people at once) gives the same letter, and a later streak
// (a newer session missed) gets a letter of its own. Decision 242.

export const issueAbsenceLetterSchema = z.object({ agencyId: text().trim().min(1).max(64) });

const MODE = {
  HEAD: "meetings.attendance.HEAD",
  REPRESENTATIVE: "meetings.attendance.REPRESENTATIVE",
  ABSENT: "meetings.attendance.ABSENT",
  NONE: "meetings.attendance.notRecorded",
} as const;

export async function issueAbsenceLetter(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  now = new Date(),
): Promise<FormState & { ids?: string[] }> {
  return mutation(t, async () => {
    const parsed = issueAbsenceLetterSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "letter.absence");
    const provinceId = writeProvince(actor, "letter.absence");
    const found = await absenceLetter(actor, parsed.data.agencyId);
    if (!found || found.agency.provinceId !== provinceId)
      throw new UserFacingError(t("outcomes.attendance.noLetter"));
    authorize(actor, "letter.absence", { provinceId: found.agency.provinceId });
    const [newest] = found.sessions;
    if (!newest) throw new UserFacingError(t("outcomes.attendance.noLetter"));
    const [province, agency] = await Promise.all([
      db.province.findUniqueOrThrow({ where: { id: provinceId }, select: { nameFa: true } }),
      db.agency.findUniqueOrThrow({
        where: { id: found.agency.id },
        select: { nameFa: true, nameEn: true, headName: true, headTitle: true },
      }),
    ]);
    // The words, once, in Persian (the secretariat's official correspondence).
    const fa = translator("fa");
    const lines = found.sessions.map((s, i) =>
      fa("letters.absenceLine", {
        n: formatNumber(i + 1, "fa"),
        meeting: meetingTitle(s.meeting, "fa", fa),
        date: formatDate(s.startsAt, "fa"),
        mode: fa(MODE[s.mode]),
      }),
    );
    const content = {
      recipient: letterRecipient(agency),
      subject: fa("letters.subjectAbsence"),
      body: [
        fa("outcomes.attendance.greeting"),
        fa("outcomes.attendance.body", {
          missed: formatNumber(found.missed, "fa"),
          total: formatNumber(found.sessions.length, "fa"),
        }),
        lines.join("\n"),
        fa("outcomes.attendance.closing"),
      ].join("\n\n"),
    };
    const letter = await withLetterNumbering(() =>
      db.$transaction(async (tx) => {
        await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`tashil:letters:${provinceId}`}))`;
        return letterFor(tx, {
          // Not a session's letter: meetingId stays empty, or the session's batch would print it.
          plan: {
            scopeKey: `absence:${found.agency.id}:${newest.meetingId}`,
            agencyId: found.agency.id,
            resolutionId: null,
            meetingId: null,
          },
          provinceId,
          province: province.nameFa,
          content,
          actorId: actor.id,
          now,
        });
      }),
    );
    return {
      ok: true,
      ids: [letter.id],
      message: t("letters.absenceIssued", {
        number: noticeNumberLabel(letter, localeOf(t)),
        agency: localName(agency, localeOf(t)),
      }),
    };
  });
}
