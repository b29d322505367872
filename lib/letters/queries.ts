import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { appUrl } from "@/lib/app-url";
import { verifyMinutes } from "@/lib/meetings/minutes-proof";
import { canonicalPaper, normalizeVerifyCode, sha256 } from "./content";

/** A letter's or a notice's frozen words: what the printed paper and the verification page show. */
const FROZEN = {
  jalaliYear: true,
  number: true,
  issuedAt: true,
  recipient: true,
  subject: true,
  body: true,
  contentHash: true,
  provinceId: true,
} as const;

const LETTER = {
  ...FROZEN,
  id: true,
  agencyId: true,
  verifyCode: true,
  meetingId: true,
  resolutionId: true,
  agency: { select: { nameFa: true, nameEn: true } },
} as const;

export const verifyUrl = (code: string) => `${appUrl()}/verify/${code}`;

/** The QR code printed on a paper: its verification address, as an inline SVG. */
export function verifyQrSvg(code: string): Promise<string> {
  return QRCode.toString(verifyUrl(code), { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}

async function withPrintParts<T extends { provinceId: string; meetingId: string | null; verifyCode: string }>(
  letters: T[],
) {
  const [provinces, meetings] = await Promise.all([
    db.province.findMany({
      where: { id: { in: [...new Set(letters.map((l) => l.provinceId))] } },
      select: { id: true, nameFa: true },
    }),
    db.meeting.findMany({
      where: { id: { in: [...new Set(letters.flatMap((l) => (l.meetingId ? [l.meetingId] : [])))] } },
      select: { id: true, body: { select: { chairName: true, secretaryName: true } } },
    }),
  ]);
  const province = new Map(provinces.map((p) => [p.id, p.nameFa]));
  const body = new Map(meetings.map((m) => [m.id, m.body]));
  return Promise.all(
    letters.map(async (l) => ({
      ...l,
      province: province.get(l.provinceId) ?? "",
      signatures: (l.meetingId ? body.get(l.meetingId) : null) ?? { chairName: null, secretaryName: null },
      qrSvg: await verifyQrSvg(l.verifyCode),
      verifyUrl: verifyUrl(l.verifyCode),
    })),
  );
}

/** One letter as printed, in the reader's province. */
export async function getLetter(actor: Actor, id: string) {
  authorize(actor, "case.read");
  const letter = await db.letter.findFirst({ where: { id, ...provinceWhere(actor) }, select: LETTER });
  if (!letter) return null;
  const [printed] = await withPrintParts([letter]);
  return printed ?? null;
}
export type PrintedLetter = NonNullable<Awaited<ReturnType<typeof getLetter>>>;

/** A session's letters, one per agency, in number order (the batch to print). */
export async function lettersOfMeeting(actor: Actor, meetingId: string) {
  authorize(actor, "case.read");
  const letters = await db.letter.findMany({
    where: { meetingId, resolutionId: null, ...provinceWhere(actor) },
    select: LETTER,
    orderBy: [{ jalaliYear: "asc" }, { number: "asc" }],
  });
  return withPrintParts(letters);
}

// ─── The public verification page ───────────────────────────────────────────

export const VERIFY_PER_MINUTE = 30;

/**
 * Counts a lookup from an address in PostgreSQL (one-minute windows shared by every instance,
 * like the API's) and answers whether it is within the limit: codes cannot be tried in bulk.
 */
export async function verifyAllowed(address: string | null): Promise<boolean> {
  const key = address ?? "unknown";
  const [row] = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    insert into "VerifyRequestWindow" ("address", "windowStart", "count")
    values (${key}, date_trunc('minute', now()), 1)
    on conflict ("address", "windowStart") do update set "count" = "VerifyRequestWindow"."count" + 1
    returning "count", "windowStart"`;
  if (row?.count === 1)
    await db.verifyRequestWindow.deleteMany({
      where: { address: key, windowStart: { lt: new Date(row.windowStart.getTime() - 60_000) } },
    });
  return (row?.count ?? 0) <= VERIFY_PER_MINUTE;
}

type FrozenRow = {
  jalaliYear: number;
  number: number;
  issuedAt: Date;
  recipient: string | null;
  subject: string | null;
  body: string | null;
  contentHash: string;
  provinceId: string;
};

/**
 * What a verification code names: only what the paper itself shows (kind, number, date,
 * addressee, subject, text) and the SHA-256 of the text as frozen, recomputed here so a row
 * changed in the database after issue shows as altered.
 */
export async function verifyPaper(rawCode: string) {
  const code = normalizeVerifyCode(rawCode);
  if (!/^[A-Z0-9]{6,32}$/.test(code)) return null;
  const letter = await db.letter.findUnique({ where: { verifyCode: code }, select: FROZEN });
  if (letter) return verifiedPaper("letter", code, letter);
  // A notice (ابلاغ) issued since issue #37 carries a code too; its text was frozen at issue.
  const notice = await db.notice.findUnique({ where: { verifyCode: code }, select: FROZEN });
  if (notice?.contentHash)
    return verifiedPaper("notice", code, { ...notice, contentHash: notice.contentHash });
  return verifyMinutes(code);
}

/** A letter's or a notice's frozen words as the page shows them, and whether they are intact. */
async function verifiedPaper<K extends "letter" | "notice">(kind: K, code: string, row: FrozenRow) {
  const province =
    (await db.province.findUnique({ where: { id: row.provinceId }, select: { nameFa: true } }))?.nameFa ?? "";
  const frozen = {
    province,
    number: row.number,
    jalaliYear: row.jalaliYear,
    issuedAt: row.issuedAt,
    recipient: row.recipient ?? "",
    subject: row.subject ?? "",
    body: row.body ?? "",
  };
  return {
    kind,
    code,
    number: { number: row.number, jalaliYear: row.jalaliYear },
    issuedAt: row.issuedAt,
    province,
    recipient: frozen.recipient,
    subject: frozen.subject,
    body: frozen.body,
    contentHash: row.contentHash,
    intact: sha256(canonicalPaper(kind, frozen)) === row.contentHash,
  };
}
