import { Suspense } from "react";
import { pageContext, pageTitle, type PageContext } from "@/lib/page";
import { listIntake } from "@/lib/requests/queries";
import { intakeList } from "@/lib/requests/views";
import { PageSkeleton } from "@/components/ui/skeleton";
import { ListPage } from "@/components/ui/list";

export const generateMetadata = pageTitle("requests.intake");

/** The secretariat's inbox of units' own requests, oldest first, with their age in working days. */
export default async function IntakePage() {
  const context = await pageContext("request.intake");
  // In the page rather than a loading.tsx beside it: a request's page below answers 404 for an
  // unknown id, which a loading boundary above it would turn into a 200.
  return (
    <Suspense fallback={<PageSkeleton shape="list" />}>
      <IntakeList context={context} />
    </Suspense>
  );
}

async function IntakeList({ context: { user, t, locale } }: { context: PageContext }) {
  const view = intakeList(await listIntake(user, locale), t, locale);
  // A stack of cards on a phone (DataTable): the waiting time and the stage stay in view.
  return <ListPage title={t("requests.intake")} view={view} t={t} locale={locale} />;
}
