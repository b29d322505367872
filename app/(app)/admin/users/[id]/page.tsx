import { Suspense } from "react";
import { notFound } from "next/navigation";
import { pageContext, pageTitle, type PageContext } from "@/lib/page";
import { getUserForEdit, userFormOptions } from "@/lib/users/queries";
import { recordHistory } from "@/lib/audit/queries";
import { describeAuditEvents } from "@/lib/audit/words";
import { HistorySection } from "@/components/audit/audit-event-list";
import { Card } from "@/components/ui/card";
import { UserForm } from "@/components/admin/user-form";
import { PageSkeleton } from "@/components/ui/skeleton";

export const generateMetadata = pageTitle("admin.editUser");

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const context = await pageContext("user.manage");
  // The account first (one row: a 404 while the status can still say so), the form's lists and
  // the history behind a skeleton.
  const user = await getUserForEdit(context.user, (await params).id);
  if (!user) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">
        {context.t("admin.editUser")}: {user.name}
      </h1>
      <Suspense fallback={<PageSkeleton shape="form" title={false} />}>
        <EditUserForm context={context} user={user} />
      </Suspense>
    </div>
  );
}

async function EditUserForm({
  context: { user: actor, t, locale },
  user,
}: {
  context: PageContext;
  user: NonNullable<Awaited<ReturnType<typeof getUserForEdit>>>;
}) {
  const [{ agencies, provinces }, history] = await Promise.all([
    userFormOptions(actor),
    recordHistory(actor, { provinceId: user.provinceId, entities: [{ type: "User", ids: [user.id] }] }),
  ]);
  return (
    <>
      <Card>
        <UserForm
          locale={locale}
          user={user}
          agencies={agencies}
          provinces={provinces}
          allowNational={actor.provinceId === null}
        />
      </Card>
      <HistorySection
        events={history && (await describeAuditEvents(actor, history, locale, t))}
        t={t}
        locale={locale}
      />
    </>
  );
}
