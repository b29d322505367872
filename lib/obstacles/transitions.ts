// The obstacle lifecycle, written out below. Each status change has exactly one driver, so the
// registry, the sessions and the follow-up never disagree about where a case stands:
//
// - Sessions (lib/meetings/lifecycle.ts, applied by lib/meetings/agenda.ts):
//   REGISTERED → IN_COMMITTEE when the committee puts it on an agenda; the committee's outcome
//   then takes it IN_COMMITTEE → REFERRED | RESOLVED (settled) | REGISTERED (more documents);
//   the working group's outcome takes it REFERRED → DECIDED.
// - Follow-up verification (verifyResolution in lib/resolutions/mutations.ts):
//   DECIDED → RESOLVED once every resolution about it is verified, RESOLVED → DECIDED when one
//   is sent back.
// - By hand on the unit page (this table, changeObstacleStatus in ./mutations.ts): withdraw any
//   open obstacle, declare a decided one unresolvable, or close a decided one as resolved — the
//   latter only when every non-cancelled resolution linked to it is verified (checked by the
//   server in the status change's transaction).
//
// Moving a case into a session-driven status by hand would leave it where no session can pick
// it up again (IN_COMMITTEE without an agenda item is never eligible for an agenda).
import type { ObstacleStatus } from "@/lib/generated/prisma/enums";

/** For screens, which take the generated types from the domain, never from lib/generated. */
export type { ObstacleStatus };

export const MANUAL_OBSTACLE_TRANSITIONS: Record<ObstacleStatus, readonly ObstacleStatus[]> = {
  REGISTERED: ["WITHDRAWN"],
  IN_COMMITTEE: ["WITHDRAWN"],
  REFERRED: ["WITHDRAWN"],
  DECIDED: ["RESOLVED", "UNRESOLVABLE", "WITHDRAWN"],
  RESOLVED: [],
  UNRESOLVABLE: [],
  WITHDRAWN: [],
};

/** Statuses in which an obstacle still needs work ("open obstacles" in every list). */
export const OPEN_OBSTACLE_STATUSES = [
  "REGISTERED",
  "IN_COMMITTEE",
  "REFERRED",
  "DECIDED",
] as const satisfies readonly ObstacleStatus[];

/** Whether a user may make this change by hand (the server also checks the resolutions for → RESOLVED). */
export const canMoveObstacleByHand = (from: ObstacleStatus, to: ObstacleStatus): boolean =>
  MANUAL_OBSTACLE_TRANSITIONS[from].includes(to);

export const isOpenObstacle = (status: ObstacleStatus): boolean =>
  (OPEN_OBSTACLE_STATUSES as readonly ObstacleStatus[]).includes(status);
