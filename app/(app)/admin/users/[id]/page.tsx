import { notFound } from "next/navigation";
import { pageContext, pageTitle } from "@/lib/page";
import { getUserForEdit, userFormOptions } from "@/lib/users/queries";
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
    </div>
  );
}
