// What the session list shows (app/(app)/meetings/(list)/page.tsx draws it with components/ui/list.tsx).
import "server-only";
import { can, type Actor } from "@/lib/auth/policy";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { MeetingStatus } from "@/lib/generated/prisma/enums";
import { jalaliYearParam, pageNumber } from "@/lib/validation";
import { listHref } from "@/lib/units/url";
import { oneParam, totalLabel, type ListView, type SearchParams } from "@/lib/views/list";
import { listMeetings } from "./queries";
import { BODY_KINDS, MEETING_STATUSES } from "./schema";
import { meetingTitle } from "./title";

type MeetingColumn = "session" | "date" | "place" | "agenda" | "resolutions" | "status";
type Listed = Awaited<ReturnType<typeof listMeetings>>;
type Filters = { body?: (typeof BODY_KINDS)[number]; status?: MeetingStatus; year?: number; page: number };

export interface MeetingList extends ListView<MeetingColumn, { status: MeetingStatus }> {
  canWrite: boolean;
  canManageBodies: boolean;
}

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  list.find((x) => x === v);

export function meetingList(
  data: { filters: Filters } & Listed,
  actor: Actor,
  t: Translate,
  locale: Locale,
): MeetingList {
  const { filters } = data;
  const current = { body: filters.body, status: filters.status, year: filters.year };
  // A year is a name, not a quantity: no thousands separator ("۱۴۰۴", not "۱٬۴۰۴").
  const year = (y: number) => formatNumber(y, locale).replace(/[٬,]/g, "");
  return {
    canWrite: can(actor, "meeting.write"),
    canManageBodies: can(actor, "body.manage"),
    filters: {
      label: t("meetings.filter"),
      search: false,
      layout: "grid",
      columns: 4,
      submit: t("meetings.filter"),
      filters: [
        {
          kind: "select",
          id: "meeting-body",
          name: "body",
          label: t("meetings.body"),
          value: filters.body,
          options: BODY_KINDS.map((k) => [k, t(`meeting.${k}`)]),
          all: t("meetings.allBodies"),
        },
        {
          kind: "select",
          id: "meeting-status",
          name: "status",
          label: t("meetings.status"),
          value: filters.status,
          options: MEETING_STATUSES.map((s) => [s, t(`meetings.statusLabel.${s}`)]),
          all: t("meetings.allStatuses"),
        },
        {
          kind: "select",
          id: "meeting-year",
          name: "year",
          label: t("meetings.year"),
          value: filters.year ? String(filters.year) : undefined,
          options: data.years.map((y) => [String(y), year(y)]),
          all: t("meetings.allYears"),
        },
      ],
    },
    columns: [
      { key: "session", label: t("resolution.meeting") },
      { key: "date", label: t("meetings.date"), nowrap: true },
      { key: "place", label: t("meetings.place") },
      { key: "agenda", label: t("meetings.agendaCount") },
      { key: "resolutions", label: t("meetings.resolutionsCount") },
      { key: "status", label: t("meetings.status") },
    ],
    rows: data.meetings.map((m) => ({
      id: m.id,
      data: { status: m.status },
      cells: {
        session: { text: meetingTitle(m, locale, t), href: `/meetings/${m.id}` },
        date: formatDateTime(m.startsAt, locale, { style: "short" }),
        place: m.place ?? t("common.none"),
        agenda: formatNumber(m._count.agendaItems, locale),
        resolutions: formatNumber(m._count.resolutions, locale),
        status: null,
      },
    })),
    total: totalLabel(data.total, t, locale),
    empty: t("meetings.noSessions"),
    page: filters.page,
    pages: data.pages,
    pageHref: (page) => listHref("/meetings", current, { page }),
  };
}

export async function meetingListView(
  actor: Actor,
  searchParams: SearchParams,
  t: Translate,
  locale: Locale,
) {
  const filters: Filters = {
    body: oneOf(BODY_KINDS, oneParam(searchParams, "body")),
    status: oneOf(MEETING_STATUSES, oneParam(searchParams, "status")),
    year: jalaliYearParam(oneParam(searchParams, "year")),
    page: pageNumber(oneParam(searchParams, "page")),
  };
  return meetingList({ filters, ...(await listMeetings(actor, filters)) }, actor, t, locale);
}
