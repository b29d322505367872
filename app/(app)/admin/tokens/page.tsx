import Link from "next/link";
import { pageTitle } from "@/lib/page";
import { tokenListView } from "@/lib/api/views";
import { revokeApiTokenAction } from "@/lib/api/actions";
import { listRoute } from "@/components/ui/list-route";
import { Card } from "@/components/ui/card";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { TokenForm } from "@/components/api/token-form";

export const generateMetadata = pageTitle("api.tokens.title");

// An administrator, or an agency user for their own agency (the layout checks the same).
export default listRoute(
  "apiToken.manage",
  "api.tokens.title",
  (user, _params, t, locale) => tokenListView(user, t, locale),
  (view, { t }) => ({
    intro: (
      <>
        {t("api.tokens.intro")}{" "}
        <Link href="/api-docs" className="text-brand-700 underline underline-offset-4">
          {t("api.tokens.docsLink")}
        </Link>
      </>
    ),
    cardTitle: t("api.tokens.list"),
    render: {
      actions: ({ id, data }) =>
        data.revocable && (
          <ConfirmForm
            action={revokeApiTokenAction}
            fields={{ id }}
            label={t("api.tokens.revoke")}
            question={t("api.tokens.confirmRevoke", { name: data.name })}
            confirmLabel={t("api.tokens.revoke")}
            variant="secondary"
          />
        ),
    },
    minWidth: "md:min-w-[56rem]",
    children: (
      <Card title={t("api.tokens.newToken")}>
        <TokenForm agencies={view.agencies} lifetimeLabel={view.lifetimeLabel} />
      </Card>
    ),
  }),
);
