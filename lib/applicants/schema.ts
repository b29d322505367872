import { z } from "zod";
import { emailField } from "@/lib/users/schema";
import { nameText, text } from "@/lib/validation";
import { isValidLegalEntityId, isValidNationalCode, normalizeIdDigits } from "./ids";

// The applicant's sign-up and sign-in forms (issue #32). Messages are message keys,
// translated where they are shown (lib/forms.ts).

export const APPLICANT_POSITIONS = ["OWNER", "MANAGER", "REPRESENTATIVE"] as const;

/** Ten digits in any script, check digit validated; stored as Latin digits. */
export const nationalCodeField = () =>
  text()
    .transform(normalizeIdDigits)
    .pipe(
      z.string().min(1, "validation.required").refine(isValidNationalCode, "applicants.nationalCodeInvalid"),
    );

/** Eleven digits in any script, check digit validated; stored as Latin digits. */
export const legalEntityIdField = () =>
  text()
    .transform(normalizeIdDigits)
    .pipe(
      z
        .string()
        .min(1, "validation.required")
        .refine(isValidLegalEntityId, "applicants.unitNationalIdInvalid"),
    );

export const signUpSchema = z.object({
  name: nameText(3, 120),
  email: emailField(),
  nationalCode: nationalCodeField(),
  position: z.enum(APPLICANT_POSITIONS, "applicants.positionRequired"),
  unitNationalId: legalEntityIdField(),
  /** Empty when the deployment serves one province (the form then has no choice to make). */
  provinceId: text()
    .trim()
    .max(40)
    .optional()
    .transform((v) => v || null),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const codeRequestSchema = z.object({ email: emailField() });

/** Six digits, typed in any script. */
export const codeSchema = z.object({
  email: emailField(),
  code: text()
    .transform(normalizeIdDigits)
    .pipe(z.string().regex(/^\d{6}$/, "applicants.codeFormat")),
});
