import { z } from "zod";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MeetingDetail } from "./queries";

// The approved copy of a session's resolutions (./minutes.ts says why). No "server-only"
// marker: the demo seed writes the copy of its approved sessions with the same code.
//
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
export async function snapshotResolutions(
  tx: Pick<Tx, "agendaItem">,
  meetingId: string,
): Promise<Prisma.InputJsonValue> {
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
