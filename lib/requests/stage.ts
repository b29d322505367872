// Where a unit's request stands, as the applicant and the public status page see it
// (issue #32): received → under review → documents requested → on the committee's agenda →
// referred to the working group → resolutions → done / not possible. Derived from the
// request and the obstacles it became, never stored (CONVENTIONS: derive, don't store).
import type { ObstacleStatus, UnitRequestStatus } from "@/lib/generated/prisma/enums";

export const STAGES = [
  "DRAFT",
  "RECEIVED",
  "UNDER_REVIEW",
  "DOCUMENTS_REQUESTED",
  "ON_AGENDA",
  "REFERRED",
  "RESOLUTIONS",
  "DONE",
  "NOT_POSSIBLE",
  "REJECTED",
  "DUPLICATE",
] as const;
export type Stage = (typeof STAGES)[number];

export type StageInput = {
  status: UnitRequestStatus;
  resubmittedAt: Date | null;
  /** The statuses of the obstacles an accepted request became. */
  obstacleStatuses: readonly ObstacleStatus[];
  /** Whether any of them is on a session's agenda, and whether any resolution names them. */
  onAgenda: boolean;
  hasResolutions: boolean;
};

const CLOSED_UNRESOLVED: readonly ObstacleStatus[] = ["UNRESOLVABLE", "WITHDRAWN"];

export function stageOf(r: StageInput): Stage {
  switch (r.status) {
    case "DRAFT":
      return "DRAFT";
    // A request sent back with the documents asked for is already in review.
    case "SUBMITTED":
      return r.resubmittedAt ? "UNDER_REVIEW" : "RECEIVED";
    case "DOCUMENTS_REQUESTED":
      return "DOCUMENTS_REQUESTED";
    case "REJECTED":
      return "REJECTED";
    case "DUPLICATE":
      return "DUPLICATE";
    case "ACCEPTED":
      break;
  }
  const s = r.obstacleStatuses;
  if (s.length > 0 && s.every((x) => x === "RESOLVED" || CLOSED_UNRESOLVED.includes(x)))
    return s.some((x) => x === "RESOLVED") ? "DONE" : "NOT_POSSIBLE";
  if (r.hasResolutions || s.includes("DECIDED")) return "RESOLUTIONS";
  if (s.includes("REFERRED")) return "REFERRED";
  if (r.onAgenda || s.includes("IN_COMMITTEE")) return "ON_AGENDA";
  // Accepted, waiting for a committee session.
  return "UNDER_REVIEW";
}
