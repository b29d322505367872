import { pageTitle } from "@/lib/page";
import { recordFormPage, type RecordProps } from "@/components/ui/record-page";
import { getUserForEdit, userFormOptions } from "@/lib/users/queries";
import { RecordHistory } from "@/components/audit/audit-event-list";
import { Card } from "@/components/ui/card";
import { UserForm } from "@/components/admin/user-form";

export const generateMetadata = pageTitle("admin.editUser");

// The account first (one row: a 404 while the status can still say so), the form's lists and the
// history behind a skeleton.
export default recordFormPage({
  action: "user.manage",
  load: getUserForEdit,
  heading: (user, t) => `${t("admin.editUser")}: ${user.name}`,
  body: EditUserForm,
});

async function EditUserForm({
  context: { user: actor, t, locale },
  record: user,
}: RecordProps<typeof getUserForEdit>) {
  const { agencies, provinces } = await userFormOptions(actor);
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
      <RecordHistory
        actor={actor}
        record={{ provinceId: user.provinceId, entities: [{ type: "User", ids: [user.id] }] }}
        t={t}
        locale={locale}
      />
    </>
  );
}
