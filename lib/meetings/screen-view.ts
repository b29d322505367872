import { formatDate, formatNumber, formatRials, localName } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/messages";
import type { MeetingDetail } from "./queries";
import { meetingTitle } from "./title";

/**
 * What the hall screen shows, already in words. Always Persian and right-to-left, whatever the
 * language of the account that opened it: it is read by the room, not by the clerk.
 */
export function hallScreenView(meeting: MeetingDetail, t: Translate) {
  const locale = "fa" as const;
  const items = meeting.agendaItems;
  const index = items.findIndex((i) => i.id === meeting.screenItemId);
  const item = items[index];
  const title = meetingTitle(meeting, locale, t);
  if (!item) return { title, item: null };
  const amounts = item.obstacles.map((o) => o.obstacle.amountRials).filter((a) => a !== null);
  return {
    title,
    item: {
      position: t("meetings.room.screenCase", {
        n: formatNumber(index + 1, locale),
        total: formatNumber(items.length, locale),
      }),
      unitName: item.unit.name,
      obstacles: item.obstacles.map(({ obstacle: o }) => ({
        id: o.id,
        description: o.description,
        amount: o.amountRials === null ? null : formatRials(o.amountRials, locale),
      })),
      total:
        amounts.length > 1
          ? t("meetings.room.screenTotal", {
              amount: formatRials(
                amounts.reduce((a, b) => a + b, 0n),
                locale,
              ),
            })
          : null,
      resolutions: item.resolutions.map((r) => ({
        id: r.id,
        number: formatNumber(r.sequence, locale),
        text: r.text,
        agency: localName(r.responsibleAgency, locale),
        supporting: r.supportingAgencies.length
          ? t("meetings.room.screenSupporting", {
              agencies: r.supportingAgencies.map((s) => localName(s.agency, locale)).join("، "),
            })
          : null,
        deadline: t("meetings.room.screenDeadline", { date: formatDate(r.deadline, locale) }),
      })),
    },
  };
}

/** The hall screen's case, in words: what its page draws and /api/meetings/[id]/room?view=screen sends. */
export type HallScreenState = ReturnType<typeof hallScreenView>;
