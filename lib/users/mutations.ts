import "server-only";
import { db, type Tx } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policy";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { recordAudit } from "@/lib/audit/record";
import { bumpSessionVersion } from "@/lib/auth/session-version";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import {
  assertCurrentVersion,
  conflictError,
  isUniqueViolation,
  mutation,
  UserFacingError,
} from "@/lib/mutation";
import { changeOwnPasswordSchema, createUserSchema, updateUserSchema } from "./schema";

// Domain mutations take the actor as an argument so tests and jobs use the very same code;
// only lib/users/actions.ts ('use server') is reachable from the browser, and it passes the
// signed-in user, never an actor the client could choose.

const AUDITED = {
  id: true,
  version: true,
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

/** Refuses a password the policy rejects, as a message on the field that holds it. */
function assertPasswordAllowed(password: string, email: string, field: string, t: Translate) {
  const problem = passwordProblem(password, email);
  if (problem) throw new UserFacingError(t("validation.invalidInput"), { [field]: [t(problem)] });
}

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
    assertPasswordAllowed(password, input.email, "password", t);
    const passwordHash = await hashPassword(password);
    try {
      const user = await db.$transaction(async (tx) => {
        await assertAgencyInProvince(tx, input.agencyId, input.provinceId, t);
        // The administrator chose this password, so it is temporary: the user picks their own
        // at the first sign-in.
        const created = await tx.user.create({
          data: { ...input, passwordHash, mustChangePassword: true },
          select: AUDITED,
        });
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

/**
 * The first administrator, from the command line (`npm run admin:create`, scripts/admin-create.ts)
 * before anyone can sign in. No actor to authorise: whoever runs it already holds the
 * database's address and password, which is more than an administrator's rights. Everything
 * else is the user form's: its schema, the same password rule, the same audit event (with no
 * actor). A national administrator (no province), who chose the password themselves.
 */
export async function createFirstAdministrator(
  raw: { email: string; name: string; password: string },
  t: Translate,
): Promise<FormState & { id?: string }> {
  return mutation(t, async () => {
    const parsed = createUserSchema.safeParse({ ...raw, roles: ["ADMIN"] });
    if (!parsed.success) return invalid(parsed.error, t);
    const { password, ...input } = parsed.data;
    assertPasswordAllowed(password, input.email, "password", t);
    const passwordHash = await hashPassword(password);
    try {
      const user = await db.$transaction(async (tx) => {
        const created = await tx.user.create({ data: { ...input, passwordHash }, select: AUDITED });
        await recordAudit(tx, {
          actorId: null,
          provinceId: null,
          action: "user.create",
          entityType: "User",
          entityId: created.id,
          after: { ...created, via: "admin:create" },
        });
        return created;
      });
      return { ok: true, message: t("admin.cli.created", { email: user.email }), id: user.id };
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
    const { id, version, password, ...input } = parsed.data;
    authorize(actor, "user.manage", { provinceId: input.provinceId });
    if (password) assertPasswordAllowed(password, input.email, "password", t);
    const passwordHash = password ? await hashPassword(password) : undefined;
    try {
      await db.$transaction(async (tx) => {
        const before = await tx.user.findUniqueOrThrow({ where: { id }, select: AUDITED });
        // The user being edited must be in the administrator's reach too, not only the target province.
        authorize(actor, "user.manage", { provinceId: before.provinceId });
        if (before.version !== version) throw conflictError(t);
        // A unit's applicant signed themselves up (issue #32): the staff form, which knows only
        // staff roles, must not turn a stranger's account into a staff one. Deactivating stays.
        if (before.roles.includes("APPLICANT")) throw new UserFacingError(t("applicants.notEditable"));
        await assertAgencyInProvince(tx, input.agencyId, input.provinceId, t);
        // New roles, agency or province, or a new password, end the user's sessions: the next
        // request signs in afresh under the new rights.
        const rightsChanged =
          passwordHash !== undefined ||
          before.agencyId !== input.agencyId ||
          before.provinceId !== input.provinceId ||
          [...before.roles].sort().join() !== [...input.roles].sort().join();
        assertCurrentVersion(
          await tx.user.updateMany({
            where: { id, version },
            data: {
              version: { increment: 1 },
              ...input,
              // A password set by an administrator is temporary (not when they set their own).
              ...(passwordHash ? { passwordHash, mustChangePassword: id !== actor.id } : {}),
              ...(rightsChanged ? bumpSessionVersion : {}),
            },
          }),
          t,
        );
        const after = await tx.user.findUniqueOrThrow({ where: { id }, select: AUDITED });
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
        data: { active, version: { increment: 1 }, ...bumpSessionVersion },
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

/**
 * A user replaces their own password (or the temporary one an administrator set). Every
 * session of theirs ends with it; the action signs this browser in again with the new one.
 */
export async function changeOwnPassword(
  user: { id: string; email: string } | null,
  raw: unknown,
  t: Translate,
): Promise<FormState & { newPassword?: string }> {
  return mutation(t, async () => {
    if (!user) return { ok: false, message: t("errors.forbidden") };
    const parsed = changeOwnPasswordSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    const { currentPassword, newPassword } = parsed.data;
    const stored = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordHash: true, provinceId: true },
    });
    if (!(await verifyPassword(stored.passwordHash, currentPassword)))
      throw new UserFacingError(t("validation.invalidInput"), {
        currentPassword: [t("validation.passwordWrong")],
      });
    if (newPassword === currentPassword)
      throw new UserFacingError(t("validation.invalidInput"), {
        newPassword: [t("validation.passwordSame")],
      });
    assertPasswordAllowed(newPassword, user.email, "newPassword", t);
    const passwordHash = await hashPassword(newPassword);
    await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { passwordHash, mustChangePassword: false, ...bumpSessionVersion },
      });
      await recordAudit(tx, {
        actorId: user.id,
        provinceId: stored.provinceId,
        action: "user.password",
        entityType: "User",
        entityId: user.id,
      });
    });
    return { ok: true, message: t("account.passwordChanged"), newPassword };
  });
}
