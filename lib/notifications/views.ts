// What the notifications page shows (app/(app)/notifications/page.tsx): the in-app inbox and the
// e-mails sent to the viewer, each a list of the primitives (lib/views/list.ts) with its own
// page links (`page` and `mpage`), and the viewer's delivery choices. The rows are drawn by
// the notification components (a notification has its own "mark read"); the count, the empty
// words and the links are decided here, without a browser (tests/unit/list-views.test.ts).
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { mySmsSettings } from "@/lib/sms/mobile";
import { pageNumber } from "@/lib/validation";
import { oneParam, totalLabel, type ListView, type SearchParams } from "@/lib/views/list";
import { listMyMessages, listMyNotifications, listOutbox } from "./queries";

type Inbox = Awaited<ReturnType<typeof listMyNotifications>>;
type Mails = Awaited<ReturnType<typeof listMyMessages>>;

export function notificationLists(data: { inbox: Inbox; mails: Mails }, t: Translate, locale: Locale) {
  const { inbox, mails } = data;
  const list = (page: number, pages: number, param: string, empty: string): ListView<never> => ({
    columns: [],
    rows: [],
    empty,
    page,
    pages,
    pageHref: (p) => `/notifications?${param}=${p}`,
  });
  return {
    inbox: {
      ...list(inbox.page, inbox.pages, "page", t("notifications.inboxEmpty")),
      items: inbox.items,
      title: t("notifications.unreadCount", { count: formatNumber(inbox.unread, locale) }),
      /** "Mark all read", while anything is unread. */
      markAll: inbox.unread > 0 ? t("notifications.markAllRead") : null,
      mailFrequency: inbox.mailFrequency,
    },
    mails: { ...list(mails.page, mails.pages, "mpage", t("notifications.empty")), items: mails.items },
  };
}

export async function notificationsView(
  actor: Actor,
  searchParams: SearchParams,
  t: Translate,
  locale: Locale,
) {
  const [inbox, mails, sms] = await Promise.all([
    listMyNotifications(actor, { page: pageNumber(oneParam(searchParams, "page")) }),
    listMyMessages(actor, { page: pageNumber(oneParam(searchParams, "mpage")) }),
    mySmsSettings(actor),
  ]);
  return { ...notificationLists({ inbox, mails }, t, locale), sms };
}

/** The administrator's outbox: every e-mail the app sent or holds, newest first, by page. */
export function outboxList(outbox: Awaited<ReturnType<typeof listOutbox>>, t: Translate, locale: Locale) {
  return {
    columns: [],
    rows: [],
    items: outbox.items,
    total: outbox.total > 0 ? totalLabel(outbox.total, t, locale) : undefined,
    empty: t("notifications.outboxEmpty"),
    page: outbox.page,
    pages: outbox.pages,
    pageHref: (p: number) => `/admin/outbox?page=${p}`,
  } satisfies ListView<never> & { items: unknown[] };
}

export async function outboxView(actor: Actor, searchParams: SearchParams, t: Translate, locale: Locale) {
  return outboxList(await listOutbox(actor, { page: pageNumber(oneParam(searchParams, "page")) }), t, locale);
}
