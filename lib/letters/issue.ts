import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import { formatNumber, jalaliParts } from "@/lib/i18n/format";
import { localeOf, type Translate } from "@/lib/i18n/messages";
import { isUniqueViolation, mutation, UserFacingError } from "@/lib/mutation";
import { noticeNumberLabel } from "@/lib/notices/number";
import { text } from "@/lib/validation";
import { canonicalLetter, letterText, newVerifyCode, sha256, type LetterLine } from "./content";

// Official letters (issue #37): numbered in the province secretariat's series for the Jalali
// year, like notices (docs/decisions/090), but a series of their own. Gap-free: the number is
// max + 1 read in the issuing transaction, which first takes the province's letter lock
// (pg_advisory_xact_lock): a room of secretaries printing at once queue for a few milliseconds
// each instead of racing, and a notice-style retry-on-conflict could lose many times in a row
// at 20 printers. @@unique([provinceId, jalaliYear, number]) remains the guard. A letter covers one
// resolution or one agency's share of a session (`scopeKey`, unique per province): printing
// again, or two people printing at once, gives the same letter, number and text.

const id = () =>
  text()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || undefined);
export const issueLettersSchema = z
  .object({ resolutionId: id(), meetingId: id() })
  .refine((v) => Boolean(v.resolutionId) !== Boolean(v.meetingId), "validation.invalidInput");

type Planned = {
  scopeKey: string;
  agencyId: string;
  resolutionId: string | null;
  meetingId: string;
  lines: LetterLine[];
  single: boolean;
};
/** What letterFor() needs of a plan: the scope and what the letter is about (no session for some). */
type Scope = Pick<Planned, "scopeKey" | "agencyId" | "resolutionId"> & { meetingId: string | null };

const LINE = {
  id: true,
  text: true,
  deadline: true,
  responsibleAgencyId: true,
  meetingId: true,
  unit: { select: { name: true } },
} as const;

/** Issues (or finds) the letter of one resolution, or one letter per agency for a session. */
export async function issueLetters(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
  now = new Date(),
): Promise<FormState & { ids?: string[] }> {
  return mutation(t, async () => {
    const parsed = issueLettersSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "letter.issue");
    const { resolutionId, meetingId } = parsed.data;
    const plan: Planned[] = [];
    let provinceId: string;
    let meetingRef: string;
    if (resolutionId) {
      const r = await db.resolution.findFirst({
        where: { id: resolutionId, ...provinceWhere(actor) },
        select: { ...LINE, provinceId: true, status: true },
      });
      if (!r) throw new UserFacingError(t("errors.notFoundRecord"));
      provinceId = r.provinceId;
      meetingRef = r.meetingId;
      plan.push({
        scopeKey: `resolution:${r.id}`,
        agencyId: r.responsibleAgencyId,
        resolutionId: r.id,
        meetingId: r.meetingId,
        lines: [{ unit: r.unit.name, text: r.text, deadline: r.deadline }],
        single: true,
      });
    } else {
      const m = await db.meeting.findFirst({
        where: { id: meetingId, ...provinceWhere(actor) },
        select: { id: true, provinceId: true },
      });
      if (!m) throw new UserFacingError(t("errors.notFoundRecord"));
      provinceId = m.provinceId;
      meetingRef = m.id;
      const rows = await db.resolution.findMany({
        where: { meetingId: m.id, status: { not: "CANCELLED" } },
        select: LINE,
        orderBy: [{ sequence: "asc" }, { id: "asc" }],
      });
      const byAgency = new Map<string, LetterLine[]>();
      for (const r of rows)
        byAgency.set(r.responsibleAgencyId, [
          ...(byAgency.get(r.responsibleAgencyId) ?? []),
          { unit: r.unit.name, text: r.text, deadline: r.deadline },
        ]);
      for (const [agencyId, lines] of byAgency)
        plan.push({
          scopeKey: `meeting:${m.id}:${agencyId}`,
          agencyId,
          resolutionId: null,
          meetingId: m.id,
          lines,
          single: false,
        });
    }
    authorize(actor, "letter.issue", { provinceId });
    if (plan.length === 0) throw new UserFacingError(t("letters.nothing"));
    const [province, meeting, agencies] = await Promise.all([
      db.province.findUniqueOrThrow({ where: { id: provinceId }, select: { nameFa: true } }),
      db.meeting.findUniqueOrThrow({
        where: { id: meetingRef },
        select: { number: true, jalaliYear: true, body: { select: { kind: true } } },
      }),
      db.agency.findMany({
        where: { id: { in: plan.map((p) => p.agencyId) } },
        select: { id: true, nameFa: true, headName: true, headTitle: true },
        orderBy: [{ nameFa: "asc" }, { id: "asc" }],
      }),
    ]);
    // Agencies in alphabetical order, so a batch's numbers follow the printed order.
    const order = new Map(agencies.map((a, i) => [a.id, i]));
    plan.sort((a, b) => (order.get(a.agencyId) ?? 0) - (order.get(b.agencyId) ?? 0));
    const agencyOf = new Map(agencies.map((a) => [a.id, a]));
    const letters = await withLetterNumbering(() =>
      db.$transaction(async (tx) => {
        await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`tashil:letters:${provinceId}`}))`;
        const out: { id: string; number: number; jalaliYear: number }[] = [];
        for (const p of plan) {
          const agency = agencyOf.get(p.agencyId);
          if (!agency) continue;
          out.push(
            await letterFor(tx, {
              plan: p,
              provinceId,
              province: province.nameFa,
              content: letterText({ agency, meeting, lines: p.lines, single: p.single }),
              actorId: actor.id,
              now,
            }),
          );
        }
        return out;
      }),
    );
    const [first] = letters;
    return {
      ok: true,
      ids: letters.map((l) => l.id),
      message:
        letters.length === 1 && first
          ? t("letters.issued", { number: noticeNumberLabel(first, localeOf(t)) })
          : t("letters.issuedMany", { count: formatNumber(letters.length, localeOf(t)) }),
    };
  });
}

/**
 * The letter of a scope, or a new one numbered max + 1 in the province's series for the year.
 * Call inside a transaction holding the province's letter lock (see issueLetters).
 */
export async function letterFor(
  tx: Tx,
  {
    plan,
    provinceId,
    province,
    content,
    actorId,
    now,
  }: {
    plan: Scope;
    provinceId: string;
    province: string;
    content: { recipient: string; subject: string; body: string };
    actorId: string;
    now: Date;
  },
) {
  const existing = await tx.letter.findUnique({
    where: { provinceId_scopeKey: { provinceId, scopeKey: plan.scopeKey } },
    select: { id: true, number: true, jalaliYear: true },
  });
  if (existing) return existing;
  const jalaliYear = jalaliParts(now).year;
  const { _max } = await tx.letter.aggregate({ where: { provinceId, jalaliYear }, _max: { number: true } });
  const number = (_max.number ?? 0) + 1;
  const contentHash = sha256(canonicalLetter({ province, number, jalaliYear, issuedAt: now, ...content }));
  const letter = await tx.letter.create({
    data: {
      provinceId,
      agencyId: plan.agencyId,
      scopeKey: plan.scopeKey,
      resolutionId: plan.resolutionId,
      meetingId: plan.meetingId,
      jalaliYear,
      number,
      issuedAt: now,
      ...content,
      contentHash,
      verifyCode: newVerifyCode(),
      createdById: actorId,
    },
    select: { id: true, number: true, jalaliYear: true },
  });
  await recordAudit(tx, {
    actorId,
    provinceId,
    action: "letter.issue",
    entityType: "Letter",
    entityId: letter.id,
    after: { scopeKey: plan.scopeKey, agencyId: plan.agencyId, jalaliYear, number, contentHash },
  });
  return letter;
}

/** Runs again from the start when a number (or the same letter) was taken meanwhile. */
export async function withLetterNumbering<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt < attempts && isUniqueViolation(err)) continue;
      throw err;
    }
  }
}
