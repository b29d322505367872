// Plain, serialisable shapes the session page hands to its client components (amounts are
// formatted on the server: bigint rials never cross to the browser).
export type { MeetingStatus } from "@/lib/generated/prisma/enums";

export type AgencyOption = { id: string; name: string };

export type AgendaObstacleView = {
  id: string;
  description: string;
  category: string;
  amount: string | null;
  status: string;
};

export type ResolutionView = {
  id: string;
  sequence: number;
  text: string;
  responsibleAgencyId: string;
  supportingAgencyIds: string[];
  /** The agenda item's obstacles this resolution answers. */
  obstacleIds: string[];
  /** Jalali "1404/03/10" in the locale's digits, ready for the date input. */
  deadline: string;
  editable: boolean;
};

export type AgendaItemView = {
  id: string;
  position: number;
  unitName: string;
  presenter: string;
  outcome: string | null;
  /** Outcome and presenter are saved against it (lib/meetings/agenda.ts `writeItem`). */
  version: number;
  obstacles: AgendaObstacleView[];
  totalAmount: string | null;
  resolutions: ResolutionView[];
};

/** The session page's live part (decision 084): its cases, and which one is on the hall screen. */
export type RoomState = { items: AgendaItemView[]; screenItemId: string | null };
