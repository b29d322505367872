import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { formatNumber } from "@/lib/i18n/format";
import { ProblemError } from "@/lib/errors";
import { hashToken } from "./tokens";
import type { ApiScopeName } from "./token-schema";

// Who is calling /api/v1: the token in `Authorization: Bearer …`, checked for expiry,
// revocation and its issuer still being active, then counted against the rate limit.

export type ApiPrincipal = {
  tokenId: string;
  scopes: readonly ApiScopeName[];
  /** The actor the domain queries and mutations see; see tokenActor(). */
  actor: Actor;
};

/** Requests per token per minute (API_RATE_LIMIT_PER_MINUTE, default 120). */
export function rateLimitPerMinute(): number {
  const n = Number(process.env.API_RATE_LIMIT_PER_MINUTE);
  return Number.isInteger(n) && n > 0 ? n : 120;
}

/**
 * A token acts with the rights of an agency user of its agency when it may report, otherwise
 * of a read-only member, always within its province (none: national). The issuer's id is the
 * actor id, so progress reports and the audit trail name the person who answers for it.
 */
export function tokenActor(token: {
  createdById: string;
  provinceId: string | null;
  agencyId: string | null;
  scopes: readonly ApiScopeName[];
}): Actor {
  const reports = token.scopes.includes("REPORT") && token.agencyId !== null && token.provinceId !== null;
  return {
    id: token.createdById,
    roles: reports ? ["AGENCY"] : ["MEMBER"],
    agencyId: token.agencyId,
    provinceId: token.provinceId,
    readOnly: !reports,
  };
}

const bearer = (header: string | null) => {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
};

export async function authenticate(
  request: Request,
  t: Translate,
  now = new Date(),
  locale: Locale = "fa",
): Promise<ApiPrincipal> {
  const challenge = { "www-authenticate": 'Bearer realm="tashil"' };
  const secret = bearer(request.headers.get("authorization"));
  if (!secret) throw new ProblemError("unauthorized", t("api.e.tokenMissing"), { headers: challenge });
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: {
      id: true,
      scopes: true,
      provinceId: true,
      agencyId: true,
      createdById: true,
      expiresAt: true,
      revokedAt: true,
      createdBy: { select: { active: true } },
    },
  });
  const invalid = (key: "api.e.tokenInvalid" | "api.e.tokenExpired" | "api.e.tokenRevoked") =>
    new ProblemError("unauthorized", t(key), {
      headers: { "www-authenticate": 'Bearer realm="tashil", error="invalid_token"' },
    });
  if (!token) throw invalid("api.e.tokenInvalid");
  // A deactivated issuer's tokens stop with them: nobody would answer for their use.
  if (token.revokedAt || !token.createdBy.active) throw invalid("api.e.tokenRevoked");
  if (token.expiresAt.getTime() <= now.getTime()) throw invalid("api.e.tokenExpired");
  await countRequest(token.id, t, locale);
  return { tokenId: token.id, scopes: token.scopes, actor: tokenActor(token) };
}

/**
 * Fixed one-minute windows counted in PostgreSQL with one upsert, so every app instance
 * shares the count (decision 112: no state in process memory). The same round trip marks the
 * token as used; `lastUsedAt` is written at most once a minute to spare the row.
 */
async function countRequest(tokenId: string, t: Translate, locale: Locale) {
  const limit = rateLimitPerMinute();
  const [row] = await db.$queryRaw<{ count: number; window_start: Date; now: Date }[]>`
    with counted as (
      insert into "ApiRequestWindow" ("tokenId", "windowStart", "count")
      values (${tokenId}, date_trunc('minute', now()), 1)
      on conflict ("tokenId", "windowStart") do update set "count" = "ApiRequestWindow"."count" + 1
      returning "count", "windowStart"
    ), used as (
      update "ApiToken" set "lastUsedAt" = now()
      where id = ${tokenId} and ("lastUsedAt" is null or "lastUsedAt" < now() - interval '1 minute')
    )
    select "count", "windowStart" as window_start, now() as now from counted`;
  if (!row) return;
  if (row.count === 1) {
    // A new window: forget this token's old ones (they only ever serve the current minute).
    await db.apiRequestWindow.deleteMany({
      where: { tokenId, windowStart: { lt: new Date(row.window_start.getTime() - 60_000) } },
    });
  }
  if (row.count > limit) {
    const seconds = Math.max(1, Math.ceil((row.window_start.getTime() + 60_000 - row.now.getTime()) / 1000));
    // In the reader's digits: a Persian sentence with Latin numbers in it reads as a mistake.
    throw new ProblemError(
      "too-many-requests",
      t("api.e.rateLimited", { limit: formatNumber(limit, locale), seconds: formatNumber(seconds, locale) }),
      {
        headers: { "retry-after": String(seconds), "ratelimit-limit": String(limit) },
      },
    );
  }
}

export function requireScope(principal: ApiPrincipal, scope: ApiScopeName, t: Translate) {
  if (!principal.scopes.includes(scope))
    throw new ProblemError("forbidden", t("api.e.scopeMissing", { scope }));
}
