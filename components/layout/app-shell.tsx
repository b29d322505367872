import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/session";
import type { Translate } from "@/lib/i18n/messages";
import { LocaleSwitch } from "./locale-switch";
import { MobileMenu } from "./mobile-menu";
import { NAV_ITEMS, type NavItem } from "./nav-items";
import { formatList, formatNumber } from "@/lib/i18n/format";

export function AppShell({
  user,
  t,
  unread = 0,
  children,
}: {
  user: SessionUser;
  t: Translate;
  /** The user's unread in-app notifications, shown beside the bell link on every page. */
  unread?: number;
  children: React.ReactNode;
}) {
  const items = NAV_ITEMS.filter((item) => can(user, item.permission));
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2"
      >
        {t("app.skipToContent")}
      </a>
      <header className="no-print relative border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-xl font-bold text-brand-700">
            {t("app.name")}
          </Link>
          {/* Two renderings of one menu: a full row from md up, a disclosure below it (on a phone
              the row took four lines before any content). The hidden one is display:none, so only
              one navigation landmark is ever exposed. */}
          <nav aria-label={t("nav.mainMenu")} className="hidden flex-1 flex-wrap gap-1 md:flex">
            <NavLinks items={items} t={t} />
          </nav>
          <div className="hidden items-center gap-3 text-sm md:flex">
            <NotificationsLink user={user} t={t} unread={unread} />
            <Account user={user} t={t} />
          </div>
          <MobileMenu label={t("common.menu")}>
            <nav aria-label={t("nav.mainMenu")} className="grid grid-cols-2 gap-1">
              <NavLinks items={items} t={t} />
            </nav>
            <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3 text-sm">
              <NotificationsLink user={user} t={t} unread={unread} />
              <Account user={user} t={t} />
            </div>
          </MobileMenu>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}

function NavLinks({ items, t }: { items: NavItem[]; t: Translate }) {
  return items.map((item) => (
    <Link
      key={item.href}
      href={item.href}
      // `.nav-link` (app/globals.css): the menu is drawn twice (bar and phone menu) on every page.
      className="nav-link"
    >
      {t(item.label)}
    </Link>
  ));
}

function NotificationsLink({ user, t, unread }: { user: SessionUser; t: Translate; unread: number }) {
  if (!can(user, "notifications.own")) return null;
  return (
    <Link href="/notifications" className="flex items-center gap-1 rounded px-2 py-1 hover:bg-slate-100">
      {t("notifications.nav")}
      {unread > 0 && (
        <span className="rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white">
          {formatNumber(unread, user.locale)}
          <span className="sr-only"> {t("notifications.unread")}</span>
        </span>
      )}
    </Link>
  );
}

function Account({ user, t }: { user: SessionUser; t: Translate }) {
  return (
    <>
      <span className="text-slate-600">
        {t("nav.signedInAs", { name: user.name })}
        <span className="ms-1 text-xs text-slate-500">
          (
          {formatList(
            user.roles.map((r) => t(`roles.${r}`)),
            user.locale,
          )}
          )
        </span>
      </span>
      <LocaleSwitch t={t} />
      <Link href="/account/password" className="rounded px-2 py-1 hover:bg-slate-100">
        {t("account.changePassword")}
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
          {t("nav.signOut")}
        </button>
      </form>
    </>
  );
}
