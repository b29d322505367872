import { pageContext, pageTitle } from "@/lib/page";
import { userFormOptions } from "@/lib/users/queries";
import { Card } from "@/components/ui/card";
import { UserForm } from "@/components/admin/user-form";

export const generateMetadata = pageTitle("admin.newUser");

export default async function NewUserPage() {
  const { user: actor, t, locale } = await pageContext("user.manage");
  const { agencies, provinces } = await userFormOptions(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("admin.newUser")}</h1>
      <Card>
        <UserForm
          locale={locale}
          agencies={agencies}
          provinces={provinces}
          allowNational={actor.provinceId === null}
        />
      </Card>
    </div>
  );
}
