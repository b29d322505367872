import "server-only";
import { db, type Tx } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policy";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { bumpSessionVersion } from "@/lib/auth/session-version";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { isUniqueViolation, mutation, UserFacingError } from "@/lib/mutation";
import { createUserSchema, updateUserSchema } from "./schema";

// Domain mutations take the actor as an argument so tests and jobs use the very same code;
// only lib/users/actions.ts ('use server') is reachable from the browser, and it passes the
// signed-in user, never an actor the client could choose.

const AUDITED = {
  id: true,
  name: true,
  email: true,
  roles: true,
  agencyId: true,
  provinceId: true,
  locale: true,
  active: true,
} as const;

async function assertAgencyInProvince(
  tx: Tx,
  agencyId: string | null,
  provinceId: string | null,
  t: Translate,
) {
  if (!agencyId) return;
  const agency = await tx.agency.findUnique({ where: { id: agencyId }, select: { provinceId: true } });
  if (!agency || (provinceId !== null && agency.provinceId !== provinceId))
    throw new UserFacingError(t("validation.invalidInput"), { agencyId: [t("validation.agencyRequired")] });
}

const emailTaken = (t: Translate) =>
  new UserFacingError(t("validation.invalidInput"), { email: [t("validation.emailTaken")] });

export function userFormInput(form: FormData) {
  return { ...Object.fromEntries(form), roles: form.getAll("roles") };
}

export async function createUser(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
): Promise<FormState & { id?: string }> {
  return mutation(t, async () => {
    const parsed = createUserSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const { password, ...input } = parsed.data;
    authorize(actor, "user.manage", { provinceId: input.provinceId });
    const passwordHash = await hashPassword(password);
    try {
      const user = await db.$transaction(async (tx) => {
        await assertAgencyInProvince(tx, input.agencyId, input.provinceId, t);
        const created = await tx.user.create({ data: { ...input, passwordHash }, select: AUDITED });
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId: input.provinceId,
          action: "user.create",
          entityType: "User",
          entityId: created.id,
          after: created,
        });
        return created;
      });
      return { ok: true, message: t("admin.created"), id: user.id };
    } catch (err) {
      if (isUniqueViolation(err, "email")) throw emailTaken(t);
      throw err;
    }
  });
}

export async function updateUser(actor: Actor | null, raw: unknown, t: Translate): Promise<FormState> {
  return mutation(t, async () => {
    const parsed = updateUserSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const { id, password, ...input } = parsed.data;
    authorize(actor, "user.manage", { provinceId: input.provinceId });
    const passwordHash = password ? await hashPassword(password) : undefined;
    try {
      await db.$transaction(async (tx) => {
        const before = await tx.user.findUniqueOrThrow({ where: { id }, select: AUDITED });
        // The user being edited must be in the administrator's reach too, not only the target province.
        authorize(actor, "user.manage", { provinceId: before.provinceId });
        await assertAgencyInProvince(tx, input.agencyId, input.provinceId, t);
        // New roles, agency or province, or a new password, end the user's sessions: the next
        // request signs in afresh under the new rights.
        const rightsChanged =
          passwordHash !== undefined ||
          before.agencyId !== input.agencyId ||
          before.provinceId !== input.provinceId ||
          [...before.roles].sort().join() !== [...input.roles].sort().join();
        const after = await tx.user.update({
          where: { id },
          data: {
            ...input,
            ...(passwordHash ? { passwordHash } : {}),
            ...(rightsChanged ? bumpSessionVersion : {}),
          },
          select: AUDITED,
        });
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId: after.provinceId,
          action: passwordHash ? "user.update+password" : "user.update",
          entityType: "User",
          entityId: id,
          before,
          after,
        });
      });
      return { ok: true, message: t("admin.updated") };
    } catch (err) {
      if (isUniqueViolation(err, "email")) throw emailTaken(t);
      throw err;
    }
  });
}

export async function setUserActive(
  actor: Actor | null,
  id: string,
  active: boolean,
  t: Translate,
): Promise<FormState> {
  return mutation(t, async () => {
    authorize(actor, "user.manage");
    if (!active && id === actor.id) throw new UserFacingError(t("admin.cannotDeactivateSelf"));
    await db.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id }, select: AUDITED });
      authorize(actor, "user.manage", { provinceId: before.provinceId });
      // Both directions end the user's sessions: a reactivated user signs in again rather
      // than finding the tokens they held before deactivation working once more.
      const after = await tx.user.update({
        where: { id },
        data: { active, ...bumpSessionVersion },
        select: AUDITED,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        provinceId: after.provinceId,
        action: active ? "user.activate" : "user.deactivate",
        entityType: "User",
        entityId: id,
        before,
        after,
      });
    });
    return { ok: true, message: t(active ? "admin.activated" : "admin.deactivated") };
  });
}
