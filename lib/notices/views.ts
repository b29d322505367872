// What the notices index shows (app/(app)/notices/(list)/page.tsx draws it with
// components/ui/list.tsx; the rows are components/notices/notice-list.tsx, shared with the
// session's and the agency's notices).
import "server-only";
import { can, type Actor } from "@/lib/auth/policy";
import { localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { oneParam, totalLabel, type ListView, type SearchParams } from "@/lib/views/list";
import { listNotices, noticeAgencies } from "./queries";
import { NOTICE_RECEIPTS, noticeFilterSchema, type NoticeFilter } from "./schema";

type Notices = Awaited<ReturnType<typeof listNotices>>;
type Agency = { id: string; nameFa: string; nameEn: string };

/** The filter bar, the count and the page links; the rows are `items` (NoticeList draws them). */
export interface NoticeIndex extends ListView<never> {
  items: Notices["items"];
}

/** The index's address for a filter and a page: "all" keeps an agency's people on every agency. */
export function noticesHref(filter: NoticeFilter, page: number): string {
  return (
    "/notices?" +
    new URLSearchParams({
      ...(filter.receipt ? { receipt: filter.receipt } : {}),
      agencyId: filter.agencyId ?? "all",
      ...(filter.meetingId ? { meetingId: filter.meetingId } : {}),
      page: String(page),
    }).toString()
  );
}

export function noticeIndex(
  data: { filter: NoticeFilter; notices: Notices; agencies: Agency[] },
  t: Translate,
  locale: Locale,
): NoticeIndex {
  const { filter, notices, agencies } = data;
  return {
    filters: {
      label: t("notices.title"),
      search: false,
      layout: "grid",
      submit: t("notices.filter"),
      clear: filter.meetingId ? { href: "/notices", label: t("notices.allSessions") } : undefined,
      filters: [
        ...(filter.meetingId
          ? [{ kind: "hidden" as const, name: "meetingId", value: filter.meetingId }]
          : []),
        {
          kind: "select",
          id: "notice-receipt",
          label: t("notices.receipt"),
          name: "receipt",
          value: filter.receipt,
          all: t("notices.receiptAny"),
          options: NOTICE_RECEIPTS.map((r) => [r, t(`notices.receiptFilter.${r}`)]),
        },
        {
          kind: "select",
          id: "notice-agency",
          label: t("resolution.agency"),
          name: "agencyId",
          value: filter.agencyId ?? "all",
          options: [
            ["all", t("notices.allAgencies")],
            ...agencies.map((a): [string, string] => [a.id, localName(a, locale)]),
          ],
        },
      ],
    },
    columns: [],
    rows: [],
    items: notices.items,
    total: totalLabel(notices.total, t, locale),
    empty: t("notices.indexEmpty"),
    page: notices.page,
    pages: notices.pages,
    pageHref: (page) => noticesHref(filter, page),
  };
}

/** Every notice of the province by receipt, agency and session; an agency's people start at their own. */
export async function noticeIndexView(
  actor: Actor,
  searchParams: SearchParams,
  t: Translate,
  locale: Locale,
) {
  const ownAgency = can(actor, "agencyInbox.view") ? actor.agencyId : null;
  const agencyParam = oneParam(searchParams, "agencyId");
  const agencyId = agencyParam === "all" ? undefined : (agencyParam ?? ownAgency ?? undefined);
  const filter = noticeFilterSchema.parse({
    receipt: oneParam(searchParams, "receipt"),
    agencyId,
    meetingId: oneParam(searchParams, "meetingId"),
    page: oneParam(searchParams, "page"),
  });
  const [notices, agencies] = await Promise.all([listNotices(actor, filter), noticeAgencies(actor)]);
  return noticeIndex({ filter, notices, agencies }, t, locale);
}
