// What the API token page shows (app/(app)/admin/tokens/page.tsx draws it with components/ui/list.tsx).
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { formatDateTime, formatNumber, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import type { ListView } from "@/lib/views/list";
import { TOKEN_LIFETIMES_DAYS } from "./token-schema";
import { listApiTokens, tokenAgencyOptions } from "./tokens";

type TokenColumn = "name" | "scopes" | "agency" | "createdBy" | "expires" | "lastUsed" | "state" | "actions";

export interface TokenList extends ListView<TokenColumn, { name: string; revocable: boolean }> {
  /** The new-token form's choices. */
  agencies: { id: string; name: string }[];
  lifetimeLabel: Record<string, string>;
}

export function tokenList(
  tokens: Awaited<ReturnType<typeof listApiTokens>>,
  agencies: { id: string; nameFa: string; nameEn: string }[],
  t: Translate,
  locale: Locale,
): TokenList {
  const when = (d: Date | null, none: string) => (d ? formatDateTime(d, locale, { style: "short" }) : none);
  return {
    columns: [
      { key: "name", label: t("api.tokens.name") },
      { key: "scopes", label: t("api.tokens.scopes") },
      { key: "agency", label: t("api.tokens.agency") },
      { key: "createdBy", label: t("api.tokens.createdBy") },
      { key: "expires", label: t("api.tokens.expiresAt") },
      { key: "lastUsed", label: t("api.tokens.lastUsed") },
      { key: "state", label: t("api.tokens.state") },
      { key: "actions", label: t("common.actions") },
    ],
    rows: tokens.map((token) => ({
      id: token.id,
      data: { name: token.name, revocable: !token.revokedAt },
      cells: {
        name: { text: token.name, note: `${token.prefix}…`, noteLtr: true },
        // Scope names are the API's identifiers, the same in every language.
        scopes: { text: token.scopes.join(", "), ltr: true },
        agency: token.agency
          ? localName(token.agency, locale)
          : token.province
            ? localName(token.province, locale)
            : t("api.tokens.national"),
        createdBy: token.createdBy.name,
        expires: when(token.expiresAt, ""),
        lastUsed: when(token.lastUsedAt, t("api.tokens.neverUsed")),
        state: t(`api.tokens.${token.state}`),
        actions: null,
      },
    })),
    empty: t("api.tokens.none"),
    page: 1,
    pages: 1,
    pageHref: () => "/admin/tokens",
    agencies: agencies.map((a) => ({ id: a.id, name: localName(a, locale) })),
    lifetimeLabel: Object.fromEntries(
      TOKEN_LIFETIMES_DAYS.map((d) => [d, t("api.tokens.days", { count: formatNumber(d, locale) })]),
    ),
  };
}

export async function tokenListView(actor: Actor, t: Translate, locale: Locale) {
  const [tokens, agencies] = await Promise.all([listApiTokens(actor), tokenAgencyOptions(actor)]);
  return tokenList(tokens, agencies, t, locale);
}
