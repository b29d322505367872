import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { text, versionField } from "@/lib/validation";

// Messages are keys of `messages.validation`, translated where they are shown.
export const emailField = () =>
  text()
    .trim()
    .toLowerCase()
    .min(1, "validation.required")
    .max(200, "validation.tooLong")
    .pipe(z.email("validation.email"));
const email = emailField();

export const loginSchema = z.object({
  email,
  password: z.string().min(1, "validation.required").max(200, "validation.tooLong"),
});

const userFields = {
  name: text().trim().min(2, "validation.nameMin").max(120, "validation.tooLong"),
  email,
  roles: z.array(z.enum(ROLES)).min(1, "validation.rolesMin"),
  agencyId: text()
    .trim()
    .optional()
    .transform((v) => v || null),
  provinceId: text()
    .trim()
    .optional()
    .transform((v) => v || null),
  locale: z.enum(["fa", "en"]).default("fa"),
};

// An agency user acts for exactly one agency; nobody else is bound to one.
function agencyMatchesRole(u: { roles: string[]; agencyId: string | null }, ctx: z.RefinementCtx) {
  const isAgencyUser = u.roles.includes("AGENCY");
  if (isAgencyUser && u.agencyId === null)
    ctx.addIssue({ code: "custom", path: ["agencyId"], message: "validation.agencyRequired" });
  if (!isAgencyUser && u.agencyId !== null)
    ctx.addIssue({ code: "custom", path: ["agencyId"], message: "validation.agencyOnlyForAgencyRole" });
}

export const createUserSchema = z
  .object({
    ...userFields,
    password: z.string().min(10, "validation.passwordMin").max(200, "validation.tooLong"),
  })
  .superRefine(agencyMatchesRole);

export const updateUserSchema = z
  .object({
    ...userFields,
    id: text().min(1),
    version: versionField(),
    password: text()
      .max(200, "validation.tooLong")
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.string().min(10, "validation.passwordMin").optional()),
  })
  .superRefine(agencyMatchesRole);

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** A user choosing their own password: the current one proves it is them. */
export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "validation.required").max(200, "validation.tooLong"),
    newPassword: z.string().min(10, "validation.passwordMin").max(200, "validation.tooLong"),
    confirmPassword: z.string().max(200, "validation.tooLong"),
  })
  .superRefine((v, ctx) => {
    if (v.newPassword !== v.confirmPassword)
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "validation.passwordMismatch" });
  });
