import { notFound } from "next/navigation";
import { pageContext, pageTitle } from "@/lib/page";
import { getUserForEdit, userFormOptions } from "@/lib/users/queries";
import { recordHistory } from "@/lib/audit/queries";
import { HistorySection } from "@/components/audit/audit-event-list";
import { Card } from "@/components/ui/card";
import { UserForm } from "@/components/admin/user-form";

export const generateMetadata = pageTitle("admin.editUser");

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { user: actor, t, locale } = await pageContext("user.manage");
  const [user, { agencies, provinces }] = await Promise.all([
    getUserForEdit(actor, (await params).id),
    userFormOptions(actor),
  ]);
  if (!user) notFound();
  const history = await recordHistory(actor, {
    provinceId: user.provinceId,
    entities: [{ type: "User", ids: [user.id] }],
  });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">
        {t("admin.editUser")}: {user.name}
      </h1>
      <Card>
        <UserForm
          locale={locale}
          user={user}
          agencies={agencies}
          provinces={provinces}
          allowNational={actor.provinceId === null}
        />
      </Card>
      <HistorySection events={history} t={t} locale={locale} />
    </div>
  );
}
