import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { authorize, can, provinceWhere, tokensBoundToOwnAgency, type Actor } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { mutation, UserFacingError } from "@/lib/mutation";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createApiTokenSchema } from "./token-schema";

// API tokens (docs/decisions/072). The secret is 32 random bytes (256 bits); we keep only its
// SHA-256. A slow password hash is not needed: the secret is not guessable, so a fast hash
// is as safe and lets each request find its token with one indexed lookup.

export const TOKEN_PREFIX = "tashil_";

export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

function newSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/** Which tokens an actor manages: an administrator's province (or all), an agency user's agency. */
function tokenScope(actor: Actor): Prisma.ApiTokenWhereInput {
  if (!tokensBoundToOwnAgency(actor)) return provinceWhere(actor);
  return { agencyId: actor.agencyId ?? "—none—" };
}

export async function createApiToken(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
): Promise<FormState & { token?: string }> {
  let secret: string | undefined;
  const result = await mutation(t, async () => {
    const parsed = createApiTokenSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const { name, scopes, expiresInDays } = parsed.data;
    // An agency user's token is always their agency's, whatever the form said.
    const agencyId = actor && tokensBoundToOwnAgency(actor) ? actor.agencyId : parsed.data.agencyId;
    const agency = agencyId
      ? await db.agency.findUnique({ where: { id: agencyId }, select: { id: true, provinceId: true } })
      : null;
    if (agencyId && !agency)
      throw new UserFacingError(t("validation.invalidInput"), { agencyId: [t("errors.notFoundRecord")] });
    // The token reads and reports in its agency's province; without an agency, in the issuer's.
    const provinceId = agency ? agency.provinceId : actor ? actor.provinceId : null;
    authorize(actor, "apiToken.manage", { provinceId: provinceId ?? undefined, agencyId });
    secret = newSecret();
    const expiresAt = new Date(Date.now() + expiresInDays * 86_400_000);
    await db.$transaction(async (tx) => {
      const created = await tx.apiToken.create({
        data: {
          name,
          scopes,
          agencyId,
          provinceId,
          tokenHash: hashToken(secret ?? ""),
          prefix: (secret ?? "").slice(0, TOKEN_PREFIX.length + 6),
          createdById: actor.id,
          expiresAt,
        },
        select: { id: true, name: true, prefix: true, scopes: true, agencyId: true, expiresAt: true },
      });
      // Never the secret, nor its hash: the audit trail is read by more people than the token's.
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId,
        action: "apiToken.create",
        entityType: "ApiToken",
        entityId: created.id,
        after: created,
      });
    });
    return { ok: true, message: t("api.tokens.created") };
  });
  return result.ok ? { ...result, token: secret } : result;
}

export async function revokeApiToken(actor: Actor | null, id: string, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    authorize(actor, "apiToken.manage", { agencyId: actor?.agencyId ?? null });
    await db.$transaction(async (tx) => {
      const token = await tx.apiToken.findFirst({
        where: { id, ...tokenScope(actor) },
        select: { id: true, provinceId: true, agencyId: true, revokedAt: true, name: true },
      });
      if (!token) throw new UserFacingError(t("errors.notFoundRecord"));
      authorize(actor, "apiToken.manage", { provinceId: token.provinceId, agencyId: token.agencyId });
      if (token.revokedAt) throw new UserFacingError(t("api.tokens.alreadyRevoked"));
      const revokedAt = new Date();
      // Conditional, so two revocations at once record one event.
      const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
      if (count === 0) throw new UserFacingError(t("api.tokens.alreadyRevoked"));
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: token.provinceId,
        action: "apiToken.revoke",
        entityType: "ApiToken",
        entityId: id,
        before: { name: token.name, revokedAt: null },
        after: { name: token.name, revokedAt },
      });
    });
    return { ok: true, message: t("api.tokens.revokedDone") };
  });
}

/** The tokens an actor manages, newest first, with when each was last used. */
export async function listApiTokens(actor: Actor, now = new Date()) {
  authorize(actor, "apiToken.manage", { agencyId: actor.agencyId });
  const tokens = await db.apiToken.findMany({
    where: tokenScope(actor),
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdAt: true,
      province: { select: { nameFa: true, nameEn: true } },
      agency: { select: { nameFa: true, nameEn: true } },
      createdBy: { select: { name: true } },
    },
  });
  return tokens.map((token) => ({
    ...token,
    state: token.revokedAt
      ? ("revoked" as const)
      : token.expiresAt.getTime() <= now.getTime()
        ? ("expired" as const)
        : ("active" as const),
  }));
}

/** Agencies a token may report for: the administrator's province's, or the agency user's own. */
export async function tokenAgencyOptions(actor: Actor) {
  authorize(actor, "apiToken.manage", { agencyId: actor.agencyId });
  if (tokensBoundToOwnAgency(actor))
    return db.agency.findMany({
      where: { id: actor.agencyId ?? "—none—" },
      select: { id: true, nameFa: true, nameEn: true },
    });
  return db.agency.findMany({
    where: { ...provinceWhere(actor), active: true },
    orderBy: { nameFa: "asc" },
    select: { id: true, nameFa: true, nameEn: true },
  });
}

export const canManageTokens = (actor: Actor) => can(actor, "apiToken.manage", { agencyId: actor.agencyId });
