import { requireUser } from "@/lib/auth/session";
import { forbidden } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { listAgencyResolutions } from "@/lib/resolutions/queries";
import { Card } from "@/components/ui/card";
import { ResolutionTable } from "@/components/resolutions/resolution-table";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("nav.agency") };
}

export default async function AgencyInboxPage() {
  const user = await requireUser();
  if (!user.roles.includes("AGENCY") || !user.agencyId) forbidden();
  const { t, locale } = await getTranslator();
  const items = await listAgencyResolutions(user);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("nav.agency")}</h1>
      <Card title={t("home.agencyInbox")}>
        <ResolutionTable items={items} locale={locale} t={t} empty={t("home.agencyEmpty")} />
      </Card>
    </div>
  );
}
