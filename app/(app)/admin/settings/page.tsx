import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { publicFiguresEnabled } from "@/lib/settings/queries";
import { Card } from "@/components/ui/card";
import { PublicFiguresToggle } from "@/components/admin/public-figures-toggle";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("settings.title") };
}

export default async function SettingsPage() {
  const actor = await requirePermission("settings.manage");
  const { t } = await getTranslator();
  const enabled = await publicFiguresEnabled(actor.provinceId);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("settings.title")}</h1>
      <Card title={t("settings.publicFigures")}>
        <p className="mb-3 text-sm text-slate-700">{t("settings.publicFiguresHint")}</p>
        <PublicFiguresToggle enabled={enabled} />
        {enabled && (
          <Link href="/figures" className="mt-3 inline-block text-sm text-brand-700 underline">
            /figures
          </Link>
        )}
      </Card>
    </div>
  );
}
