// The resolution lifecycle in one place, for pages and mutations alike:
// ISSUED → IN_PROGRESS → DONE_REPORTED → VERIFIED, or CANCELLED. Overdue is derived, never
// stored (see overdueWhere in ./queries.ts and its SQL twin in lib/dashboard/queries.ts).
import { can, type Actor } from "@/lib/auth/policy";
import type { ResolutionStatus } from "@/lib/generated/prisma/enums";

/** Statuses in which the responsible agency still has work to do. */
export const OPEN_STATUSES = ["ISSUED", "IN_PROGRESS"] as const satisfies readonly ResolutionStatus[];

export const isOpenResolution = (status: ResolutionStatus): boolean =>
  (OPEN_STATUSES as readonly ResolutionStatus[]).includes(status);

type FollowUpSubject = {
  status: ResolutionStatus;
  provinceId: string;
  responsibleAgencyId: string;
  hasPendingExtension: boolean;
};

/**
 * What this user may do next with a resolution: where it stands in its lifecycle, and what
 * the policy lets them do. Pages show these forms; the mutations check the same rules again.
 */
export function followUpChoices(actor: Actor | null, r: FollowUpSubject) {
  const resource = { provinceId: r.provinceId, responsibleAgencyId: r.responsibleAgencyId };
  const open = isOpenResolution(r.status);
  return {
    report: open && can(actor, "resolution.report", resource),
    requestExtension: open && !r.hasPendingExtension && can(actor, "resolution.requestExtension", resource),
    decideExtension: open && r.hasPendingExtension && can(actor, "extension.decide", resource),
    verify: r.status === "DONE_REPORTED" && can(actor, "resolution.verify", resource),
  };
}
