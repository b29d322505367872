// A unit's file as one list ("a timeline of everything about a unit"): what still
// needs work comes first, then everything newest first. Pure, so it is unit-tested.
import type {
  AgendaOutcome,
  BodyKind,
  MeetingStatus,
  ObstacleStatus,
  OperatingStatus,
  ResolutionStatus,
  StatusChangeCause,
} from "@/lib/generated/prisma/enums";
import { isOpenObstacle } from "@/lib/obstacles/transitions";

type Named = { nameFa: string; nameEn: string };
type MeetingRef = { id: string; number: number; jalaliYear: number; body: { kind: BodyKind } };

export type TimelineInput = {
  statusChanges: {
    id: string;
    fromStatus: OperatingStatus | null;
    toStatus: OperatingStatus;
    changedOn: Date;
    reason: string | null;
    /** What caused it (issue #36); null on changes recorded before causes were kept. */
    cause?: StatusChangeCause | null;
    createdAt: Date;
    user: { name: string } | null;
  }[];
  obstacles: { id: string; description: string; status: ObstacleStatus; createdAt: Date; category: Named }[];
  agendaItems: {
    id: string;
    outcome: AgendaOutcome | null;
    notes: string | null;
    meeting: MeetingRef & { startsAt: Date; status: MeetingStatus };
  }[];
  resolutions: {
    id: string;
    text: string;
    status: ResolutionStatus;
    deadline: Date;
    createdAt: Date;
    responsibleAgency: Named;
    meeting: MeetingRef;
    progressReports: {
      id: string;
      note: string;
      fromStatus: ResolutionStatus;
      toStatus: ResolutionStatus;
      createdAt: Date;
      author: { name: string } | null;
    }[];
  }[];
};

export type TimelineEntry = { key: string; at: Date; open: boolean } & (
  | { kind: "obstacle"; obstacle: TimelineInput["obstacles"][number] }
  | { kind: "agenda"; item: TimelineInput["agendaItems"][number] }
  | { kind: "resolution"; resolution: Omit<TimelineInput["resolutions"][number], "progressReports"> }
  | {
      kind: "progress";
      report: TimelineInput["resolutions"][number]["progressReports"][number];
      resolutionText: string;
    }
  | { kind: "status"; change: TimelineInput["statusChanges"][number] }
);

const CLOSED_RESOLUTION: readonly ResolutionStatus[] = ["VERIFIED", "CANCELLED"];

export function buildTimeline(input: TimelineInput): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...input.obstacles.map((obstacle): TimelineEntry => ({
      key: `o-${obstacle.id}`,
      kind: "obstacle",
      at: obstacle.createdAt,
      open: isOpenObstacle(obstacle.status),
      obstacle,
    })),
    ...input.agendaItems.map((item): TimelineEntry => ({
      key: `a-${item.id}`,
      kind: "agenda",
      at: item.meeting.startsAt,
      open: item.meeting.status === "PLANNED",
      item,
    })),
    ...input.resolutions.flatMap(({ progressReports, ...resolution }): TimelineEntry[] => [
      {
        key: `r-${resolution.id}`,
        kind: "resolution",
        at: resolution.createdAt,
        open: !CLOSED_RESOLUTION.includes(resolution.status),
        resolution,
      },
      ...progressReports.map((report): TimelineEntry => ({
        key: `p-${report.id}`,
        kind: "progress",
        at: report.createdAt,
        open: false,
        report,
        resolutionText: resolution.text,
      })),
    ]),
    ...input.statusChanges.map((change): TimelineEntry => ({
      key: `s-${change.id}`,
      kind: "status",
      at: change.changedOn,
      open: false,
      change,
    })),
  ];
  return entries.sort(
    (a, b) =>
      Number(b.open) - Number(a.open) || b.at.getTime() - a.at.getTime() || a.key.localeCompare(b.key),
  );
}
