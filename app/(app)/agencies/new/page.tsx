import { pageContext, pageTitle } from "@/lib/page";
import { Card } from "@/components/ui/card";
import { AgencyForm } from "@/components/agencies/agency-form";

export const generateMetadata = pageTitle("agencies.newAgency");

export default async function NewAgencyPage() {
  const { t, locale } = await pageContext("agency.write");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("agencies.newAgency")}</h1>
      <Card>
        <AgencyForm locale={locale} />
      </Card>
    </div>
  );
}
