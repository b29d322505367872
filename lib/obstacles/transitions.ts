// The obstacle lifecycle of DESIGN.md §2, as data so the server and the tests read the same
// table: REGISTERED → IN_COMMITTEE → REFERRED → DECIDED → RESOLVED | UNRESOLVABLE, and
// WITHDRAWN from any open state (the unit may drop its request at any time).
import type { ObstacleStatus } from "@/lib/generated/prisma/enums";

export const OBSTACLE_TRANSITIONS: Record<ObstacleStatus, readonly ObstacleStatus[]> = {
  REGISTERED: ["IN_COMMITTEE", "WITHDRAWN"],
  // The committee may settle a case itself instead of referring it to the working group.
  IN_COMMITTEE: ["REFERRED", "DECIDED", "WITHDRAWN"],
  REFERRED: ["DECIDED", "WITHDRAWN"],
  DECIDED: ["RESOLVED", "UNRESOLVABLE", "WITHDRAWN"],
  RESOLVED: [],
  UNRESOLVABLE: [],
  WITHDRAWN: [],
};

/** Statuses in which an obstacle still needs work ("open obstacles" in every list). */
export const OPEN_OBSTACLE_STATUSES = ["REGISTERED", "IN_COMMITTEE", "REFERRED", "DECIDED"] as const satisfies readonly ObstacleStatus[];

export const canMoveObstacle = (from: ObstacleStatus, to: ObstacleStatus): boolean => OBSTACLE_TRANSITIONS[from].includes(to);

export const isOpenObstacle = (status: ObstacleStatus): boolean => (OPEN_OBSTACLE_STATUSES as readonly ObstacleStatus[]).includes(status);
