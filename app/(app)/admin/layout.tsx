import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can, type Action } from "@/lib/auth/policy";
import type { MessageKey } from "@/lib/i18n/messages";

// The admin area's tabs; each shows only to those who may use it (each page checks again).
const TABS: { href: string; label: MessageKey; action: Action }[] = [
  { href: "/admin/users", label: "admin.users", action: "user.manage" },
  { href: "/admin/provinces", label: "provinces.admin.title", action: "province.manage" },
  { href: "/admin/audit", label: "audit.title", action: "audit.read" },
  { href: "/admin/tokens", label: "api.tokens.title", action: "apiToken.manage" },
  { href: "/admin/settings", label: "settings.title", action: "settings.manage" },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { t } = await getTranslator();
  const user = await getCurrentUser();
  const tabs = TABS.filter((tab) => can(user, tab.action));
  return (
    <div className="space-y-4">
      <nav
        aria-label={t("admin.title")}
        className="no-print flex flex-wrap gap-2 border-b border-slate-200 pb-2 text-sm"
      >
        {tabs.map((tab) => (
          <Link key={tab.href} href={tab.href} className="rounded px-3 py-1 hover:bg-slate-100">
            {t(tab.label)}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
