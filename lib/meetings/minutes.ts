import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatDate, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { approvedResolutionsOf } from "./minutes-copy";

export {
  approvedResolutionsOf,
  minutesResolutions,
  snapshotResolutions,
  type ApprovedResolution,
} from "./minutes-copy";

// Approved minutes print the copy of their resolutions made at approval (./minutes-copy.ts);
// every later change to one of them is listed under it as a dated amendment, read from the
// append-only audit trail (docs/decisions/300).

const AGENCY = { select: { id: true, nameFa: true, nameEn: true } } as const;

/** Audit actions that change what approved minutes say about a resolution. */
const AMENDING_ACTIONS = [
  "resolution.reassign",
  "extension.approve",
  "resolution.followUpDecision",
  "resolution.update+amendment",
  "resolution.delete+amendment",
  "resolution.create+amendment",
];

export type MinutesAmendment = { id: string; date: string; lines: string[]; reason: string | null };

const record = (value: Prisma.JsonValue | null): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const day = (value: unknown): string | null => str(value)?.slice(0, 10) ?? null;

/**
 * What changed in an approved session's resolutions after approval, oldest first, each dated
 * and written in words: "Resolution 3: the responsible agency changed from A to B".
 */
export async function listMinutesAmendments(
  meeting: { id: string; status: string; minutesApprovedAt: Date | null; approvedResolutions: unknown },
  locale: Locale,
  t: Translate,
): Promise<MinutesAmendment[]> {
  if (meeting.status !== "MINUTES_APPROVED" || !meeting.minutesApprovedAt) return [];
  const approved = approvedResolutionsOf(meeting.approvedResolutions) ?? [];
  const current = await db.resolution.findMany({
    where: { meetingId: meeting.id },
    select: { id: true, sequence: true },
  });
  const numberOf = new Map<string, number>(current.map((r) => [r.id, r.sequence]));
  for (const r of approved) numberOf.set(r.id, r.number);
  const events = await db.auditEvent.findMany({
    where: {
      entityType: "Resolution",
      // The copy's ids too: a resolution struck out by amendment is gone from the table.
      entityId: { in: [...numberOf.keys()] },
      action: { in: AMENDING_ACTIONS },
      createdAt: { gt: meeting.minutesApprovedAt },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, action: true, entityId: true, before: true, after: true, createdAt: true },
  });
  const agencyIds = new Set<string>();
  for (const e of events)
    for (const side of [record(e.before), record(e.after)]) {
      const id = str(side.responsibleAgencyId);
      if (id) agencyIds.add(id);
    }
  const agencies = new Map(
    (await db.agency.findMany({ where: { id: { in: [...agencyIds] } }, select: AGENCY.select })).map((a) => [
      a.id,
      localName(a, locale),
    ]),
  );
  const agency = (id: string | null) => (id ? (agencies.get(id) ?? "—") : "—");
  const date = (iso: string | null) => (iso ? formatDate(iso, locale, { style: "short" }) : "—");

  return events.flatMap((e) => {
    const before = record(e.before);
    const after = record(e.after);
    const number = numberOf.get(e.entityId) ?? 0;
    const n = formatNumber(number, locale);
    const lines: string[] = [];
    if (e.action === "resolution.delete+amendment") lines.push(t("meetings.amend.deleted", { n }));
    else if (e.action === "resolution.create+amendment")
      lines.push(t("meetings.amend.added", { n, text: str(after.text) ?? "" }));
    else {
      const [agencyBefore, agencyAfter] = [str(before.responsibleAgencyId), str(after.responsibleAgencyId)];
      if (agencyBefore && agencyAfter && agencyBefore !== agencyAfter)
        lines.push(t("meetings.amend.agency", { n, from: agency(agencyBefore), to: agency(agencyAfter) }));
      const [deadlineBefore, deadlineAfter] = [day(before.deadline), day(after.deadline)];
      if (deadlineBefore && deadlineAfter && deadlineBefore !== deadlineAfter)
        lines.push(t("meetings.amend.deadline", { n, from: date(deadlineBefore), to: date(deadlineAfter) }));
      const [textBefore, textAfter] = [str(before.text), str(after.text)];
      if (textBefore !== null && textAfter !== null && textBefore !== textAfter)
        lines.push(t("meetings.amend.text", { n, text: textAfter }));
    }
    if (lines.length === 0) return [];
    const reason = str(after.amendmentReason) ?? str(after.note) ?? null;
    return [{ id: e.id, date: formatDate(e.createdAt, locale), lines, reason: reason || null }];
  });
}
