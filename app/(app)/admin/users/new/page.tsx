import { requirePermission } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { userFormOptions } from "@/lib/users/queries";
import { Card } from "@/components/ui/card";
import { UserForm } from "@/components/admin/user-form";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("admin.newUser") };
}

export default async function NewUserPage() {
  const actor = await requirePermission("user.manage");
  const { t, locale } = await getTranslator();
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
