import { pageTitle, type PageContext } from "@/lib/page";
import { userFormOptions } from "@/lib/users/queries";
import { formPage } from "@/components/ui/record-page";
import { Card } from "@/components/ui/card";
import { UserForm } from "@/components/admin/user-form";

export const generateMetadata = pageTitle("admin.newUser");

export default formPage({ action: "user.manage", title: "admin.newUser", body: NewUserForm });

async function NewUserForm({ context: { user: actor, locale } }: { context: PageContext }) {
  const { agencies, provinces } = await userFormOptions(actor);
  return (
    <Card>
      <UserForm
        locale={locale}
        agencies={agencies}
        provinces={provinces}
        allowNational={actor.provinceId === null}
      />
    </Card>
  );
}
