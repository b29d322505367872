import { pageTitle } from "@/lib/page";
import { formPage } from "@/components/ui/record-page";
import { Card } from "@/components/ui/card";
import { AgencyForm } from "@/components/agencies/agency-form";

export const generateMetadata = pageTitle("agencies.newAgency");

export default formPage({
  action: "agency.write",
  title: "agencies.newAgency",
  body: ({ context }) => (
    <Card>
      <AgencyForm locale={context.locale} />
    </Card>
  ),
});
