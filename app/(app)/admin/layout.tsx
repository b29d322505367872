import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { t } = await getTranslator();
  return (
    <div className="space-y-4">
      <nav
        aria-label={t("admin.title")}
        className="no-print flex gap-2 border-b border-slate-200 pb-2 text-sm"
      >
        <Link href="/admin/users" className="rounded px-3 py-1 hover:bg-slate-100">
          {t("admin.users")}
        </Link>
        <Link href="/admin/settings" className="rounded px-3 py-1 hover:bg-slate-100">
          {t("settings.title")}
        </Link>
      </nav>
      {children}
    </div>
  );
}
