import Link from "next/link";
import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { formatDateTime, formatNumber, localName } from "@/lib/i18n/format";
import { TOKEN_LIFETIMES_DAYS } from "@/lib/api/token-schema";
import { canManageTokens, listApiTokens, tokenAgencyOptions } from "@/lib/api/tokens";
import { revokeApiTokenAction } from "@/lib/api/actions";
import { Card, EmptyState } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { TokenForm } from "@/components/api/token-form";

export async function generateMetadata() {
  const { t } = await getTranslator();
  return { title: t("api.tokens.title") };
}

export default async function ApiTokensPage() {
  const actor = await requireUser();
  if (!canManageTokens(actor)) forbidden();
  const { t, locale } = await getTranslator();
  const [tokens, agencies] = await Promise.all([listApiTokens(actor), tokenAgencyOptions(actor)]);
  const name = (o: { nameFa: string; nameEn: string } | null, fallback: string) =>
    o ? localName(o, locale) : fallback;
  const when = (d: Date | null, none: string) => (d ? formatDateTime(d, locale, { style: "short" }) : none);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("api.tokens.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("api.tokens.intro")}{" "}
          <Link href="/api-docs" className="text-brand-700 underline underline-offset-4">
            {t("api.tokens.docsLink")}
          </Link>
        </p>
      </div>
      <Card title={t("api.tokens.list")}>
        {tokens.length === 0 ? (
          <EmptyState>{t("api.tokens.none")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[56rem] text-sm">
              <TableHead
                labels={[
                  t("api.tokens.name"),
                  t("api.tokens.scopes"),
                  t("api.tokens.agency"),
                  t("api.tokens.createdBy"),
                  t("api.tokens.expiresAt"),
                  t("api.tokens.lastUsed"),
                  t("api.tokens.state"),
                  t("common.actions"),
                ]}
              />
              <tbody>
                {tokens.map((token) => {
                  const state = t(`api.tokens.${token.state}`);
                  return (
                    <tr key={token.id} className="border-b border-slate-100 align-top">
                      <td className="p-2">
                        <div className="font-medium">{token.name}</div>
                        <code dir="ltr" className="text-xs text-slate-500">
                          {token.prefix}…
                        </code>
                      </td>
                      <td className="p-2">{token.scopes.join(", ")}</td>
                      <td className="p-2">
                        {name(token.agency, name(token.province, t("api.tokens.national")))}
                      </td>
                      <td className="p-2">{token.createdBy.name}</td>
                      <td className="p-2">{when(token.expiresAt, "")}</td>
                      <td className="p-2">{when(token.lastUsedAt, t("api.tokens.neverUsed"))}</td>
                      <td className="p-2">{state}</td>
                      <td className="p-2">
                        {!token.revokedAt && (
                          <ConfirmForm
                            action={revokeApiTokenAction}
                            fields={{ id: token.id }}
                            label={t("api.tokens.revoke")}
                            question={t("api.tokens.confirmRevoke", { name: token.name })}
                            confirmLabel={t("api.tokens.revoke")}
                            variant="secondary"
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title={t("api.tokens.newToken")}>
        <TokenForm
          agencies={agencies.map((a) => ({ id: a.id, name: localName(a, locale) }))}
          lifetimeLabel={Object.fromEntries(
            TOKEN_LIFETIMES_DAYS.map((d) => [d, t("api.tokens.days", { count: formatNumber(d, locale) })]),
          )}
        />
      </Card>
    </div>
  );
}
