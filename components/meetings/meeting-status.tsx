import type { MeetingStatus } from "@/lib/meetings/types";
import type { Translate } from "@/lib/i18n/messages";

const TONE: Record<MeetingStatus, string> = {
  PLANNED: "bg-sky-100 text-sky-900",
  HELD: "bg-amber-100 text-amber-900",
  MINUTES_APPROVED: "bg-emerald-100 text-emerald-900",
};

export function MeetingStatusBadge({ status, t }: { status: MeetingStatus; t: Translate }) {
  return (
    <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs ${TONE[status]}`}>
      {t(`meetings.statusLabel.${status}`)}
    </span>
  );
}
