import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatDate, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { MeetingDetail } from "./queries";

// Approved minutes are a record: printed, signed and cited by number in letters. The
// resolutions behind them keep living (an agency returns one and it is reassigned, a deadline
// is extended, the follow-up decides again), so the minutes cannot be drawn from the live rows
// once approved. At approval the resolutions are copied as printed into
// Meeting.approvedResolutions; the printed minutes show that copy, and every later change to
// one of them is listed under it as a dated amendment, read from the append-only audit trail
// (docs/decisions/300).

const agencyName = z.object({ id: z.string(), nameFa: z.string(), nameEn: z.string() });

const approvedResolution = z.object({
  id: z.string(),
  /** The number printed in the approved minutes. */
  number: z.number().int(),
  agendaItemId: z.string().nullable(),
  text: z.string(),
  responsibleAgency: agencyName,
  supportingAgencies: z.array(agencyName),
  /** The calendar deadline, "YYYY-MM-DD". */
  deadline: z.string(),
  obstacleIds: z.array(z.string()),
});
export type ApprovedResolution = z.infer<typeof approvedResolution>;
const approvedResolutions = z.array(approvedResolution);

const AGENCY = { select: { id: true, nameFa: true, nameEn: true } } as const;

/**
 * The session's resolutions as the minutes print them now, numbered in print order (agenda
 * order, then sequence): written at approval, inside the approving transaction.
 */
export async function snapshotResolutions(tx: Tx, meetingId: string): Promise<Prisma.InputJsonValue> {
  const items = await tx.agendaItem.findMany({
    where: { meetingId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      resolutions: {
        orderBy: [{ sequence: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          text: true,
          deadline: true,
          responsibleAgency: AGENCY,
          supportingAgencies: { select: { agency: AGENCY } },
          obstacles: { select: { obstacleId: true } },
        },
      },
    },
  });
  let number = 0;
  const rows: ApprovedResolution[] = items.flatMap((item) =>
    item.resolutions.map((r) => ({
      id: r.id,
      number: ++number,
      agendaItemId: item.id,
      text: r.text,
      responsibleAgency: r.responsibleAgency,
      supportingAgencies: r.supportingAgencies.map((s) => s.agency),
      deadline: r.deadline.toISOString().slice(0, 10),
      obstacleIds: r.obstacles.map((o) => o.obstacleId),
    })),
  );
  return rows as unknown as Prisma.InputJsonValue;
}

/** The approved copy, or null for a session whose minutes are not approved (or hold none). */
export function approvedResolutionsOf(value: unknown): ApprovedResolution[] | null {
  if (value === null || value === undefined) return null;
  const parsed = approvedResolutions.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The resolutions the minutes print, grouped by agenda item: the approved copy once there is one. */
export function minutesResolutions(meeting: MeetingDetail): Map<string, ApprovedResolution[]> {
  const approved =
    meeting.status === "MINUTES_APPROVED" ? approvedResolutionsOf(meeting.approvedResolutions) : null;
  const rows: ApprovedResolution[] =
    approved ??
    (() => {
      let number = 0;
      return meeting.agendaItems.flatMap((item) =>
        item.resolutions.map((r) => ({
          id: r.id,
          number: ++number,
          agendaItemId: item.id,
          text: r.text,
          responsibleAgency: r.responsibleAgency,
          supportingAgencies: r.supportingAgencies.map((s) => s.agency),
          deadline: r.deadline.toISOString().slice(0, 10),
          obstacleIds: r.obstacles.map((o) => o.obstacleId),
        })),
      );
    })();
  const byItem = new Map<string, ApprovedResolution[]>();
  for (const r of rows) {
    const key = r.agendaItemId ?? "";
    byItem.set(key, [...(byItem.get(key) ?? []), r]);
  }
  return byItem;
}

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
