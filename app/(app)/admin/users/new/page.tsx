import { Suspense } from "react";
import { pageContext, pageTitle, type PageContext } from "@/lib/page";
import { userFormOptions } from "@/lib/users/queries";
import { Card } from "@/components/ui/card";
import { PageSkeleton } from "@/components/ui/skeleton";
import { UserForm } from "@/components/admin/user-form";

export const generateMetadata = pageTitle("admin.newUser");

export default async function NewUserPage() {
  const context = await pageContext("user.manage");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{context.t("admin.newUser")}</h1>
      <Suspense fallback={<PageSkeleton shape="form" title={false} />}>
        <NewUserForm context={context} />
      </Suspense>
    </div>
  );
}

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
