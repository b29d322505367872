import "server-only";
import { agencyChoices } from "@/lib/agencies/choices";
import { can, type Actor } from "@/lib/auth/policy";
import { formatDate, formatList, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { listAgencyOptions } from "./queries";
import { listFollowUpCandidates, listFollowUpItems } from "./follow-up";
import { isLocked } from "./lifecycle";
import { meetingTitle } from "./title";
import type { FollowUpReason } from "./follow-up-schema";

type Meeting = { id: string; provinceId: string; status: "PLANNED" | "HELD" | "MINUTES_APPROVED" };

const lateText = (days: number, locale: Locale, t: Translate) =>
  days > 0
    ? t("meetings.followUp.daysLate", { days: formatNumber(days, locale) })
    : t("meetings.followUp.onTime");

const reasonsText = (reasons: string, locale: Locale, t: Translate) =>
  formatList(
    reasons
      .split(",")
      .filter(Boolean)
      .map((r) => t(`meetings.followUp.reason.${r as FollowUpReason}`)),
    locale,
  );

/**
 * Candidates a session page lists, most overdue first. A big province has thousands of
 * overdue resolutions: 300 candidates made a 400 KB page (issue #15), for a session that
 * takes up a few dozen cases. The rest are in the register (overdue filter).
 */
export const FOLLOW_UP_SHOWN = 40;

/** What the session page's follow-up panel shows, in the reader's language. */
export async function followUpPanel(user: Actor, meeting: Meeting, locale: Locale, t: Translate) {
  const open = !isLocked(meeting.status);
  const canAdd = open && can(user, "meeting.write", { provinceId: meeting.provinceId });
  const canDecide = open && can(user, "resolution.write", { provinceId: meeting.provinceId });
  const [candidates, items, agencies] = await Promise.all([
    canAdd ? listFollowUpCandidates(user, meeting.id, { limit: FOLLOW_UP_SHOWN + 1 }) : Promise.resolve([]),
    listFollowUpItems(user, meeting.id),
    canDecide ? listAgencyOptions(user) : Promise.resolve([]),
  ]);
  // The first FOLLOW_UP_SHOWN resolutions, in the groups' order (each unit comes with its most
  // overdue resolution).
  const candidateCount = candidates.reduce((n, g) => n + g.items.length, 0);
  const shown: typeof candidates = [];
  let left = FOLLOW_UP_SHOWN;
  for (const g of candidates) {
    if (left <= 0) break;
    shown.push({ ...g, items: g.items.slice(0, left) });
    left -= g.items.length;
  }
  return {
    canAdd,
    canDecide,
    agencies: agencyChoices(agencies, {}, t, locale),
    candidates: shown.map((g) => ({
      unit: g.unit.name,
      items: g.items.map((c) => ({
        resolutionId: c.resolutionId,
        text: c.text,
        agency: localName(c.agency, locale),
        deadline: formatDate(c.deadline, locale, { style: "short" }),
        late: lateText(c.daysLate, locale, t),
        reasons: reasonsText(c.reasons.join(","), locale, t),
        session: meetingTitle(c.meeting, locale, t),
      })),
    })),
    /** How many are listed, in the reader's digits, when there are more; null when all are. */
    moreCandidates: candidateCount > FOLLOW_UP_SHOWN ? formatNumber(FOLLOW_UP_SHOWN, locale) : null,
    items: items.map((i) => followUpItemView(i, locale, t)),
  };
}

type Item = Awaited<ReturnType<typeof listFollowUpItems>>[number];

export function followUpItemView(i: Item, locale: Locale, t: Translate) {
  const decision = i.decision
    ? [
        t("meetings.followUp.decidedAs", { decision: t(`meetings.followUp.decision.${i.decision}`) }),
        i.newAgency ? localName(i.newAgency, locale) : null,
        i.newDeadline ? formatDate(i.newDeadline, locale, { style: "short" }) : null,
        i.note,
      ]
        .filter(Boolean)
        .join(" — ")
    : null;
  return {
    id: i.id,
    version: i.version,
    resolutionId: i.resolution.id,
    unit: i.resolution.unit.name,
    text: i.resolution.text,
    agency: localName(i.agency, locale),
    deadline: formatDate(i.deadline, locale, { style: "short" }),
    late: lateText(i.daysLate, locale, t),
    reasons: reasonsText(i.reason, locale, t),
    session: meetingTitle(i.resolution.meeting, locale, t),
    decision,
  };
}
