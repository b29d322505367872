import "server-only";
import type { Tx } from "@/lib/db";
import type { ObstacleStatus } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/messages";
import { notify } from "@/lib/notifications/inbox";
import { formatDateTime } from "@/lib/i18n/format";
import { meetingTitle } from "@/lib/meetings/title";
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

/**
 * The invitation to a committee session, whichever way the case got on its agenda: the
 * intake's one step or the session page's agenda (issue #32: "on the committee's agenda
 * (date)" is a step the applicant hears of, in-app and by e-mail). One per request and
 * session (the intake's own call uses the same key, so nobody is invited twice).
 */
export async function inviteApplicantsToSession(
  tx: Tx,
  meetingId: string,
  obstacleIds: readonly string[],
): Promise<void> {
  if (obstacleIds.length === 0) return;
  const session = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { number: true, jalaliYear: true, startsAt: true, place: true, body: { select: { kind: true } } },
  });
  if (session.body.kind !== "COMMITTEE") return;
  const requests = await tx.unitRequest.findMany({
    where: { status: "ACCEPTED", obstacles: { some: { obstacleId: { in: [...obstacleIds] } } } },
    select: {
      id: true,
      provinceId: true,
      unitName: true,
      trackingCode: true,
      applicant: { select: { id: true, email: true, locale: true, active: true } },
    },
  });
  for (const r of requests) {
    if (!r.applicant.active) continue;
    await notify(tx, {
      kind: "request.onAgenda",
      eventKey: `request.onAgenda:${r.id}:${meetingId}`,
      provinceId: r.provinceId,
      link: `/apply/requests/${r.id}`,
      recipients: [r.applicant],
      params: (locale, t) => ({
        unit: r.unitName,
        code: r.trackingCode ? formatTrackingCode(r.trackingCode) : "",
        meeting: meetingTitle(session, locale, t),
        when: formatDateTime(session.startsAt, locale),
        place: session.place ?? "—",
      }),
    });
  }
}

/**
 * The intake's first steps as a stage notification: received (in-app only: the tracking
 * code's own e-mail has gone, `mailed`) and under review again once the applicant sends the
 * documents asked for (in-app and e-mail), each resubmission told once.
 */
export async function tellApplicantOfFiling(
  tx: Tx,
  request: { id: string; provinceId: string; unitName: string; trackingCode: string },
  applicant: { id: string; email: string; locale: Locale },
  stage: "RECEIVED" | "UNDER_REVIEW",
  at: Date,
): Promise<void> {
  await notify(tx, {
    kind: "request.stage",
    eventKey: `request.stage:${request.id}:${stage}${stage === "UNDER_REVIEW" ? `:${at.getTime()}` : ""}`,
    provinceId: request.provinceId,
    link: `/apply/requests/${request.id}`,
    recipients: [applicant],
    params: (_locale, t) => ({
      unit: request.unitName,
      code: formatTrackingCode(request.trackingCode),
      stage: t(`requests.stages.${stage}`),
    }),
    mailedAt: stage === "RECEIVED" ? at : null,
  });
}
