// A list page in a few lines of wiring: the permission, the view its domain's views.ts builds
// from the URL (lib/views/list.ts), and what the page adds to the screen — its buttons, the
// cells it draws itself, a form below the list. The heading is the page's title.
import type { Action } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import type { Locale, MessageKey, Translate } from "@/lib/i18n/messages";
import { pageContext, type PageContext } from "@/lib/page";
import type { ListView, SearchParams } from "@/lib/views/list";
import { ListPage, type ListPageProps } from "./list";

/** What a page adds to its list screen. */
export type ListScreen<K extends string, D> = Omit<ListPageProps<K, D>, "title" | "view" | "t" | "locale">;

/**
 * `listRoute(action, title, read, screen)`: the page's permission, its heading (the same key as
 * its pageTitle()), the view function that reads the list from the URL, and what the page adds
 * to the screen, given the view and the viewer.
 */
export function listRoute<K extends string, D, X>(
  action: Action,
  title: MessageKey,
  read: (
    viewer: SessionUser,
    params: SearchParams,
    t: Translate,
    locale: Locale,
  ) => Promise<ListView<K, D> & X>,
  screen?: (view: ListView<K, D> & X, context: PageContext) => ListScreen<K, D>,
) {
  return async function ListRoute({ searchParams }: { searchParams: Promise<SearchParams> }) {
    const context = await pageContext(action);
    const { t, locale } = context;
    const view = await read(context.user, await searchParams, t, locale);
    return <ListPage title={t(title)} view={view} t={t} locale={locale} {...screen?.(view, context)} />;
  };
}
