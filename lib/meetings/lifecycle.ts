// How a session's outcome moves an obstacle through its lifecycle. Pure, so
// client and tests share it. The statuses are driven as follows (lib/obstacles/transitions.ts
// has the same list, seen from the registry):
//
// - Sessions (here, applied by ./mutations.ts): the committee's agenda takes an obstacle
//   REGISTERED → IN_COMMITTEE and its outcome IN_COMMITTEE → REFERRED | RESOLVED (settled by
//   the committee itself) | REGISTERED (more documents); the working group's outcome takes it
//   REFERRED → DECIDED.
// - Follow-up verification (lib/resolutions/mutations.ts): DECIDED → RESOLVED once every
//   resolution about it is verified, and back to DECIDED when one is sent back.
// - By hand on the unit page: only withdrawal, DECIDED → UNRESOLVABLE, and DECIDED → RESOLVED
//   when the follow-up has verified every resolution; never a status listed above.
import type { AgendaOutcome, BodyKind, MeetingStatus, ObstacleStatus } from "@/lib/generated/prisma/enums";

/** Obstacles a body may put on its agenda: the committee reviews new ones, the working group referred ones. */
export const ELIGIBLE_STATUS: Record<BodyKind, ObstacleStatus> = {
  COMMITTEE: "REGISTERED",
  WORKING_GROUP: "REFERRED",
};

/** The status an obstacle on a body's agenda has, given the outcome recorded for its unit. */
export function obstacleStatusFor(kind: BodyKind, outcome: AgendaOutcome | null): ObstacleStatus {
  if (kind === "COMMITTEE") {
    switch (outcome) {
      case "SETTLED":
        return "RESOLVED";
      case "REFERRED":
        return "REFERRED";
      // The unit brings the missing documents and the case waits for a later committee session.
      case "MORE_DOCUMENTS":
        return "REGISTERED";
      default:
        return "IN_COMMITTEE";
    }
  }
  return outcome === "DECIDED" ? "DECIDED" : "REFERRED";
}

/**
 * Statuses a session may still move an obstacle out of. Anything else means the case has moved
 * on (decided elsewhere, withdrawn) and a late change of this session's outcome must not drag
 * it back. RESOLVED counts for the committee only when it settled the case itself: an obstacle
 * with a linked resolution was resolved through follow-up (see controlledBy in ./mutations.ts).
 */
export const STATUSES_A_SESSION_CONTROLS: Record<BodyKind, readonly ObstacleStatus[]> = {
  COMMITTEE: ["REGISTERED", "IN_COMMITTEE", "REFERRED", "RESOLVED"],
  WORKING_GROUP: ["REFERRED", "DECIDED"],
};

export const isLocked = (status: MeetingStatus) => status === "MINUTES_APPROVED";
