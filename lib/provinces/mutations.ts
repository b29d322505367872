import "server-only";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/policy";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { invalid, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { isUniqueViolation, mutation, UserFacingError } from "@/lib/mutation";
import { createProvinceSchema } from "./schema";

/**
 * A national administrator opens a province: the province, its counties, its working group
 * and committee (every province has exactly these two bodies), and the first secretariat
 * user, who then registers agencies and units. All or nothing, in one transaction.
 */
export async function createProvince(
  actor: Actor | null,
  raw: unknown,
  t: Translate,
): Promise<FormState & { id?: string }> {
  return mutation(t, async () => {
    const parsed = createProvinceSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, t);
    authorize(actor, "province.manage");
    const { code, nameFa, nameEn, counties, secretariatName, secretariatEmail, secretariatPassword } =
      parsed.data;
    const passwordHash = await hashPassword(secretariatPassword);
    try {
      const province = await db.$transaction(async (tx) => {
        const created = await tx.province.create({
          data: { code, nameFa, nameEn },
          select: { id: true, code: true, nameFa: true, nameEn: true },
        });
        if (counties.length)
          await tx.county.createMany({ data: counties.map((c) => ({ ...c, provinceId: created.id })) });
        await tx.body.createMany({
          data: [
            {
              provinceId: created.id,
              kind: "WORKING_GROUP",
              nameFa: `کارگروه تسهیل و رفع موانع تولید استان ${nameFa}`,
              nameEn: `${nameEn} working group for facilitating production`,
            },
            {
              provinceId: created.id,
              kind: "COMMITTEE",
              nameFa: "کمیته تخصصی کارگروه تسهیل",
              nameEn: "Specialised committee",
            },
          ],
        });
        const user = await tx.user.create({
          data: {
            name: secretariatName,
            email: secretariatEmail,
            passwordHash,
            roles: ["SECRETARIAT"],
            provinceId: created.id,
          },
          select: { id: true, name: true, email: true, roles: true, provinceId: true },
        });
        // The province's own trail starts with its opening, so its secretariat can read it.
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId: created.id,
          action: "province.create",
          entityType: "Province",
          entityId: created.id,
          after: { ...created, counties: counties.map((c) => c.nameFa) },
        });
        await recordAudit(tx, {
          actorId: actor.id,
          provinceId: created.id,
          action: "user.create",
          entityType: "User",
          entityId: user.id,
          after: user,
        });
        return created;
      });
      return { ok: true, message: t("provinces.admin.created", { name: province.nameFa }), id: province.id };
    } catch (err) {
      if (isUniqueViolation(err, "code"))
        throw new UserFacingError(t("validation.invalidInput"), { code: [t("provinces.admin.codeTaken")] });
      if (isUniqueViolation(err, "email"))
        throw new UserFacingError(t("validation.invalidInput"), {
          secretariatEmail: [t("validation.emailTaken")],
        });
      throw err;
    }
  });
}
