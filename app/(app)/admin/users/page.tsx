import { Suspense } from "react";
import { pageContext, pageTitle, type PageContext } from "@/lib/page";
import { userListView } from "@/lib/users/views";
import type { SearchParams } from "@/lib/views/list";
import { ListPage } from "@/components/ui/list";
import { ButtonLink } from "@/components/ui/button";
import { UserActiveToggle } from "@/components/admin/user-active-toggle";
import { PageSkeleton } from "@/components/ui/skeleton";

export const generateMetadata = pageTitle("admin.users");

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const context = await pageContext("user.manage");
  const params = await searchParams;
  // In the page rather than a loading.tsx beside it: the account pages below this segment
  // answer 404 for an unknown id, which a loading boundary above them would turn into a 200.
  return (
    <Suspense fallback={<PageSkeleton shape="list" />}>
      <UserList context={context} params={params} />
    </Suspense>
  );
}

async function UserList({
  context: { user, t, locale },
  params,
}: {
  context: PageContext;
  params: SearchParams;
}) {
  const view = await userListView(user, params, t, locale);
  return (
    <ListPage
      title={t("admin.users")}
      actions={<ButtonLink href="/admin/users/new">{t("admin.newUser")}</ButtonLink>}
      view={view}
      render={{
        actions: ({ id, data }) =>
          data.canToggle && <UserActiveToggle id={id} name={data.name} active={data.active} />,
      }}
      minWidth="md:min-w-[40rem]"
      t={t}
      locale={locale}
    />
  );
}
