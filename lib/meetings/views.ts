import { formatDate, formatRials, localName } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import type { MeetingDetail } from "@/lib/meetings/queries";
import type { AgendaItemView, AgendaObstacleView } from "./types";

type ObstacleRow = MeetingDetail["agendaItems"][number]["obstacles"][number]["obstacle"];

/** "1404/03/10" in the locale's digits, for a date input's initial value. */
export const jalaliInput = (date: Date, locale: Locale) => formatDate(date, locale, { style: "short" });

export function obstacleView(o: ObstacleRow, locale: Locale): AgendaObstacleView {
  const category = [o.category, o.subCategory]
    .filter((c) => c !== null)
    .map((c) => localName(c, locale))
    .join(" / ");
  return {
    id: o.id,
    description: o.description,
    category,
    amount: o.amountRials === null ? null : formatRials(o.amountRials, locale),
    status: o.status,
  };
}

export function agendaItemViews(meeting: MeetingDetail, locale: Locale): AgendaItemView[] {
  return meeting.agendaItems.map((item) => {
    const amounts = item.obstacles.map((l) => l.obstacle.amountRials).filter((a) => a !== null);
    return {
      id: item.id,
      position: item.position,
      unitName: item.unit.name,
      presenter: item.presenter ?? "",
      outcome: item.outcome,
      version: item.version,
      obstacles: item.obstacles.map((l) => obstacleView(l.obstacle, locale)),
      totalAmount:
        amounts.length > 1
          ? formatRials(
              amounts.reduce((a, b) => a + b, 0n),
              locale,
            )
          : null,
      resolutions: item.resolutions.map((r) => ({
        id: r.id,
        sequence: r.sequence,
        text: r.text,
        responsibleAgencyId: r.responsibleAgencyId,
        supportingAgencyIds: r.supportingAgencies.map((s) => s.agency.id),
        obstacleIds: r.obstacles.map((o) => o.obstacleId),
        deadline: jalaliInput(r.deadline, locale),
        editable: r.status === "ISSUED",
      })),
    };
  });
}

/**
 * "1، 2": the positions (in the agenda item's obstacle list, counted from 1) of the obstacles a
 * resolution answers, so minutes and briefs can say which resolution answers which obstacle
 * without repeating the descriptions.
 */
export function answeredPositions(itemObstacleIds: readonly string[], answered: readonly string[]): number[] {
  return itemObstacleIds.flatMap((id, index) => (answered.includes(id) ? [index + 1] : []));
}

/** "08:30": a session's starting time on Tehran's clock, for the time input. */
export const tehranTime = (date: Date) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Tehran",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
