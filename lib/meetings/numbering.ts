import "server-only";
import type { Tx } from "@/lib/db";
import { formatDate } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { UserFacingError } from "@/lib/mutation";
import { meetingTitle } from "./title";

/**
 * Sessions are numbered within their body's Jalali year in the order of their dates ("the 4th
 * session of 1404" is the fourth to meet), not in the order they were entered. A number is
 * fixed once the chair approves the minutes (it is printed and cited). The other sessions of
 * the year deal out the numbers they hold among themselves in date order: a session entered
 * later but dated earlier takes the earlier number and the planned ones after it move up one.
 * The set of numbers is kept, so the gaps left by sessions held before the system (the demo's
 * "earlier sessions exist in the numbering") stay where they are (docs/decisions/031).
 *
 * Call inside the transaction that changed the year; the body's row lock serialises two
 * secretaries numbering the same body at once. Returns the sessions whose number changed,
 * for the audit trail.
 */
export async function renumberSessions(
  tx: Tx,
  bodyId: string,
  jalaliYear: number,
): Promise<{ id: string; from: number; to: number }[]> {
  await tx.$queryRaw`SELECT id FROM "Body" WHERE id = ${bodyId} FOR UPDATE`;
  const movable = await tx.meeting.findMany({
    where: { bodyId, jalaliYear, status: { not: "MINUTES_APPROVED" } },
    orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, number: true },
  });
  const numbers = movable.map((s) => s.number).sort((a, b) => a - b);
  const changes = movable.flatMap((session, index) => {
    const to = numbers[index] ?? session.number;
    return to === session.number ? [] : [{ id: session.id, from: session.number, to }];
  });
  // Two steps so the unique (bodyId, jalaliYear, number) never sees two rows on one number:
  // park the moving sessions on negative numbers, then give each its place.
  for (const [index, change] of changes.entries())
    await tx.meeting.update({ where: { id: change.id }, data: { number: -(index + 1) } });
  for (const change of changes)
    await tx.meeting.update({ where: { id: change.id }, data: { number: change.to } });
  return changes;
}

/**
 * A session may not be dated before one of its body's year whose minutes are approved: that
 * session's number is fixed (printed, cited), so the earlier-dated one could only take a later
 * number and the year would read 6, 8, 9, 7 in date order (issue #30). The secretariat is told
 * which approved session stands in the way.
 */
export async function assertDateAfterApproved(
  tx: Tx,
  bodyId: string,
  jalaliYear: number,
  startsAt: Date,
  exceptId: string | null,
  locale: Locale,
  t: Translate,
): Promise<void> {
  const later = await tx.meeting.findFirst({
    where: {
      bodyId,
      jalaliYear,
      status: "MINUTES_APPROVED",
      startsAt: { gt: startsAt },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    orderBy: { startsAt: "desc" },
    select: { number: true, jalaliYear: true, startsAt: true, body: { select: { kind: true } } },
  });
  if (!later) return;
  throw new UserFacingError(
    t("meetings.beforeApproved", {
      title: meetingTitle(later, locale, t),
      date: formatDate(later.startsAt, locale),
    }),
    { date: [t("meetings.beforeApprovedShort", { date: formatDate(later.startsAt, locale) })] },
  );
}
