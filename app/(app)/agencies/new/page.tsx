import { requirePermission } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { Card } from "@/components/ui/card";
import { AgencyForm } from "@/components/agencies/agency-form";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("agencies.newAgency") };
}

export default async function NewAgencyPage() {
  await requirePermission("agency.write");
  const { t } = await getTranslator();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("agencies.newAgency")}</h1>
      <Card>
        <AgencyForm />
      </Card>
    </div>
  );
}
