import "server-only";
import { db, type Tx } from "@/lib/db";
import { canonicalPaper, newVerifyCode, sha256, type FrozenLetter } from "@/lib/letters/content";
import { formatDate, formatNumber, formatList } from "@/lib/i18n/format";
import { translator, type Locale, type Translate } from "@/lib/i18n/messages";
import { listMinutesAmendments } from "./minutes";
import { approvedResolutionsOf, type ApprovedResolution } from "./minutes-copy";
import { meetingTitle } from "./title";

// Approved minutes prove themselves like letters and notices (issue #37 §5,
// docs/decisions/233): a verification code printed with its QR, and the SHA-256 of their frozen
// content — the session's number, date and title and the resolutions as approved
// (Meeting.approvedResolutions, decision 300). The fingerprint is recomputed from the stored
// copy when a code is looked up, so a copy changed after approval reads "altered"; later
// amendments do not change it (they are listed beside it, dated, from the audit trail).

type ProvedMeeting = {
  number: number;
  jalaliYear: number;
  startsAt: Date;
  body: { kind: "WORKING_GROUP" | "COMMITTEE" };
  approvedResolutions: unknown;
};

/**
 * The frozen text of the minutes, in Persian (the working group's record): one paragraph per
 * resolution, as approved. Raw values go into the fingerprint (canonicalMinutes); this is the
 * readable form the verification page shows.
 */
export function minutesPaperText(resolutions: ApprovedResolution[]): string {
  const fa = translator("fa");
  return resolutions
    .map((r) =>
      fa("meetings.minutes.paperLine", {
        n: formatNumber(r.number, "fa"),
        text: r.text,
        agency: r.responsibleAgency.nameFa,
        supporting: r.supportingAgencies.length
          ? formatList(
              r.supportingAgencies.map((s) => s.nameFa),
              "fa",
            )
          : "—",
        deadline: formatDate(r.deadline, "fa", { style: "short" }),
      }),
    )
    .join("\n\n");
}

/**
 * What the fingerprint is taken of. Deliberately no formatted dates or digits (their rendering
 * depends on the ICU data of the Node that runs it): ISO dates, ids and stored names only.
 */
export function canonicalMinutes(meeting: ProvedMeeting, province: string): string {
  const resolutions = approvedResolutionsOf(meeting.approvedResolutions) ?? [];
  const frozen: FrozenLetter = {
    province,
    number: meeting.number,
    jalaliYear: meeting.jalaliYear,
    issuedAt: meeting.startsAt,
    recipient: "",
    subject: meetingTitle(meeting, "fa", translator("fa")),
    body: resolutions
      .map((r) =>
        [
          `${r.number}`,
          r.text,
          `${r.responsibleAgency.id} ${r.responsibleAgency.nameFa}`,
          r.supportingAgencies.map((s) => `${s.id} ${s.nameFa}`).join(", "),
          r.deadline,
          r.obstacleIds.join(","),
        ].join(" | "),
      )
      .join("\n"),
  };
  return canonicalPaper("minutes", frozen);
}

export const minutesHash = (meeting: ProvedMeeting, province: string) =>
  sha256(canonicalMinutes(meeting, province));

const PROOF = {
  id: true,
  status: true,
  number: true,
  jalaliYear: true,
  startsAt: true,
  approvedResolutions: true,
  minutesVerifyCode: true,
  minutesHash: true,
  body: { select: { kind: true } },
  province: { select: { nameFa: true } },
} as const;

/** The code and fingerprint, written at approval inside the approving transaction. */
export async function sealMinutes(tx: Tx, meetingId: string) {
  const m = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: PROOF });
  return tx.meeting.update({
    where: { id: meetingId },
    data: { minutesVerifyCode: newVerifyCode(), minutesHash: minutesHash(m, m.province.nameFa) },
    select: { minutesVerifyCode: true, minutesHash: true },
  });
}

/**
 * The approved minutes' code, sealing them first if they were approved before codes existed
 * (the backfill, on first print: the hash is of the copy as it stands then, the best record
 * there is, like the copy itself — decision 300). Null for minutes not approved. Two first
 * prints at once both write only where no code is set yet, and then read the winner's.
 */
export async function minutesVerification(meetingId: string): Promise<{ code: string } | null> {
  const m = await db.meeting.findUnique({ where: { id: meetingId }, select: PROOF });
  if (!m || m.status !== "MINUTES_APPROVED") return null;
  if (m.minutesVerifyCode) return { code: m.minutesVerifyCode };
  await db.meeting.updateMany({
    where: { id: m.id, minutesVerifyCode: null },
    data: { minutesVerifyCode: newVerifyCode(), minutesHash: minutesHash(m, m.province.nameFa) },
  });
  const sealed = await db.meeting.findUnique({ where: { id: m.id }, select: { minutesVerifyCode: true } });
  return sealed?.minutesVerifyCode ? { code: sealed.minutesVerifyCode } : null;
}

/** What /verify shows for a minutes code: the session, the text as approved, the fingerprint. */
export async function verifyMinutes(code: string) {
  const m = await db.meeting.findUnique({
    where: { minutesVerifyCode: code },
    select: { ...PROOF, minutesApprovedAt: true },
  });
  if (!m?.minutesHash || m.status !== "MINUTES_APPROVED") return null;
  const fa = translator("fa");
  return {
    kind: "minutes" as const,
    code,
    meetingId: m.id,
    minutesApprovedAt: m.minutesApprovedAt,
    number: { number: m.number, jalaliYear: m.jalaliYear },
    issuedAt: m.startsAt,
    province: m.province.nameFa,
    recipient: null,
    subject: fa("meetings.minutes.header", { title: meetingTitle(m, "fa", fa) }),
    body: minutesPaperText(approvedResolutionsOf(m.approvedResolutions) ?? []),
    approvedResolutions: m.approvedResolutions,
    contentHash: m.minutesHash,
    intact: minutesHash(m, m.province.nameFa) === m.minutesHash,
  };
}

/**
 * The amendments since approval, dated, in the reader's language: what the printed minutes list
 * under the approved text (decision 300), so the verification page names the version the code
 * stands for and what changed after it.
 */
export function verifiedMinutesAmendments(
  paper: NonNullable<Awaited<ReturnType<typeof verifyMinutes>>>,
  locale: Locale,
  t: Translate,
) {
  return listMinutesAmendments(
    {
      id: paper.meetingId,
      status: "MINUTES_APPROVED",
      minutesApprovedAt: paper.minutesApprovedAt,
      approvedResolutions: paper.approvedResolutions,
    },
    locale,
    t,
  );
}
