import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";
import type { SessionUser } from "@/lib/auth/session";
import type { Translate } from "@/lib/i18n/messages";
import { LocaleSwitch } from "./locale-switch";
import { NAV_ITEMS } from "./nav-items";

export function AppShell({ user, t, children }: { user: SessionUser; t: Translate; children: React.ReactNode }) {
  const items = NAV_ITEMS.filter((item) => item.visible(user));
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2">
        {t("app.skipToContent")}
      </a>
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-xl font-bold text-brand-700">
            {t("app.name")}
          </Link>
          <nav aria-label={t("nav.mainMenu")} className="flex flex-1 flex-wrap gap-1">
            {items.map((item) => (
              <Link key={item.href} href={item.href} className="rounded px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
                {t(item.label)}
              </Link>
            ))}
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-600">
              {t("nav.signedInAs", { name: user.name })}
              <span className="ms-1 text-xs text-slate-500">({user.roles.map((r) => t(`roles.${r}`)).join("، ")})</span>
            </span>
            <LocaleSwitch t={t} />
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
                {t("nav.signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
