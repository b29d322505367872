// What a letter says, frozen when it is first issued, and the fingerprint the verification page
// shows (issue #37). Pure: the same inputs give the same text and the same SHA-256 everywhere.
import { createHash, randomInt } from "node:crypto";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { meetingTitle } from "@/lib/meetings/title";
import { noticeNumberLabel } from "@/lib/notices/number";

type Meeting = { number: number; jalaliYear: number; body: { kind: "WORKING_GROUP" | "COMMITTEE" } };
export type LetterAgency = { nameFa: string; headName: string | null; headTitle: string | null };
export type LetterLine = { unit: string; text: string; deadline: Date };

/** The letter's own words, in Persian (the secretariat's official correspondence). */
export function letterText({
  agency,
  meeting,
  lines,
  single,
}: {
  agency: LetterAgency;
  meeting: Meeting;
  lines: LetterLine[];
  single: boolean;
}) {
  const fa = translator("fa");
  const session = meetingTitle(meeting, "fa", fa);
  const recipient = letterRecipient(agency);
  const subject = single
    ? fa("letters.subjectOne", { meeting: session, unit: lines[0]?.unit ?? "" })
    : fa("letters.subjectBatch", { meeting: session });
  const list = lines
    .map((l, i) =>
      fa("letters.line", {
        n: formatNumber(i + 1, "fa"),
        unit: l.unit,
        text: l.text,
        deadline: formatDate(l.deadline, "fa"),
      }),
    )
    .join("\n\n");
  const body = [
    fa("letters.greeting"),
    fa(single ? "letters.introOne" : "letters.introBatch", { meeting: session }),
    list,
    fa("letters.closing"),
  ].join("\n\n");
  return { recipient, subject, body };
}

/** The addressee: the head by name and title when known, else the agency's head by title. */
export function letterRecipient(agency: LetterAgency): string {
  const fa = translator("fa");
  return agency.headTitle
    ? agency.headName
      ? fa("letters.recipientHeadName", {
          name: agency.headName,
          title: agency.headTitle,
          agency: agency.nameFa,
        })
      : fa("letters.recipientHead", { title: agency.headTitle, agency: agency.nameFa })
    : fa("letters.recipientAgency", { agency: agency.nameFa });
}

export type FrozenLetter = {
  province: string;
  number: number;
  jalaliYear: number;
  issuedAt: Date;
  recipient: string;
  subject: string;
  body: string;
};

/**
 * The canonical text the fingerprint is taken of: kind, province, number, date, addressee,
 * subject and body, one per line, with Unicode NFC so the same words hash the same whichever
 * keyboard typed them.
 */
export function canonicalLetter(l: FrozenLetter): string {
  return canonicalPaper("letter", l);
}

/** The same for any paper that proves itself: a letter, a notice (ابلاغ), approved minutes. */
export function canonicalPaper(kind: "letter" | "notice" | "minutes", l: FrozenLetter): string {
  return [
    `kind: ${kind}`,
    `province: ${l.province}`,
    `number: ${noticeNumberLabel(l, "en")}`,
    `date: ${l.issuedAt.toISOString().slice(0, 10)}`,
    `recipient: ${l.recipient}`,
    `subject: ${l.subject}`,
    `body: ${l.body}`,
  ]
    .join("\n")
    .normalize("NFC");
}

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

// No 0/O or 1/I: a code is read off paper and typed by hand.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A code to print on the paper: ten characters, about 50 bits, not guessable in bulk. */
export function newVerifyCode(): string {
  let code = "";
  for (let i = 0; i < 10; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** What a person types from the paper: spaces and dashes dropped, Persian digits read, upper case. */
export function normalizeVerifyCode(raw: string): string {
  return raw
    .replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d)))
    .replace(/[\s-]/g, "")
    .toUpperCase()
    .slice(0, 32);
}
