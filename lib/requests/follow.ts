import "server-only";
import type { Tx } from "@/lib/db";
import type { ObstacleStatus } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/inbox";
import { stageOf, type Stage } from "./stage";
import { formatTrackingCode } from "./tracking";

// The applicant hears of every step of their case (issue #32): whenever obstacles that came
// from a request change status — the committee refers them, the working group decides, the
// follow-up closes them — the request's stage is worked out again and, if it is one the
// applicant has not been told of, they get a notification (in-app, and e-mail from the row).
// Called inside the transaction of the change, so a change that rolls back tells nobody.

/** The stages told here; the intake's own steps and the invitation are told where they happen. */
const TOLD: readonly Stage[] = ["REFERRED", "RESOLUTIONS", "DONE", "NOT_POSSIBLE"];

export async function tellApplicantsOfObstacles(tx: Tx, obstacleIds: readonly string[]): Promise<void> {
  if (obstacleIds.length === 0) return;
  const requests = await tx.unitRequest.findMany({
    where: { status: "ACCEPTED", obstacles: { some: { obstacleId: { in: [...obstacleIds] } } } },
    select: {
      id: true,
      provinceId: true,
      unitName: true,
      trackingCode: true,
      resubmittedAt: true,
      status: true,
      applicant: { select: { id: true, email: true, locale: true, active: true } },
      obstacles: {
        select: {
          obstacle: {
            select: {
              status: true,
              agendaItems: { select: { agendaItemId: true }, take: 1 },
              resolutions: { select: { resolutionId: true }, take: 1 },
            },
          },
        },
      },
    },
  });
  for (const r of requests) {
    const became = r.obstacles.flatMap((o) => (o.obstacle ? [o.obstacle] : []));
    const stage = stageOf({
      status: r.status,
      resubmittedAt: r.resubmittedAt,
      obstacleStatuses: became.map((o) => o.status as ObstacleStatus),
      onAgenda: became.some((o) => o.agendaItems.length > 0),
      hasResolutions: became.some((o) => o.resolutions.length > 0),
    });
    if (!TOLD.includes(stage) || !r.applicant.active) continue;
    await notify(tx, {
      kind: "request.stage",
      // Once per stage: a case that goes back and forth is not told twice of one step.
      eventKey: `request.stage:${r.id}:${stage}`,
      provinceId: r.provinceId,
      link: `/apply/requests/${r.id}`,
      recipients: [r.applicant],
      params: (_locale, t) => ({
        unit: r.unitName,
        code: r.trackingCode ? formatTrackingCode(r.trackingCode) : "",
        stage: t(`requests.stages.${stage}`),
      }),
    });
  }
}
