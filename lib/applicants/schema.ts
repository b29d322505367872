import { z } from "zod";
import { emailField } from "@/lib/users/schema";
import { nameText, text } from "@/lib/validation";
import { normalizeMobile } from "@/lib/sms/rules";
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

/** Where a code goes (issue #32): the e-mail, or by SMS to the mobile (decision 232). */
export const CODE_CHANNELS = ["email", "sms"] as const;
export type CodeChannel = (typeof CODE_CHANNELS)[number];

/** An Iranian mobile in any digits, stored as 09xxxxxxxxx; empty is no mobile. */
const optionalMobile = () =>
  text()
    .trim()
    .max(40, "validation.tooLong")
    .refine((v) => v === "" || normalizeMobile(v) !== null, "validation.mobile")
    .transform((v) => normalizeMobile(v));

/**
 * Where a code goes and whose account it opens: an e-mail (lower-cased) or a mobile
 * (09xxxxxxxxx), told apart by their shapes — an e-mail has an "@", a mobile has none.
 */
export const addressField = () =>
  text()
    .trim()
    .max(200, "validation.tooLong")
    .transform((v, ctx) => {
      const mobile = normalizeMobile(v);
      if (mobile) return mobile;
      const email = z.email().safeParse(v.toLowerCase());
      if (email.success) return email.data;
      ctx.addIssue({ code: "custom", message: v ? "applicants.addressInvalid" : "validation.required" });
      return z.NEVER;
    });

/** An address that is a mobile rather than an e-mail (addressField's output). */
export const isMobileAddress = (address: string) => !address.includes("@");

export const signUpSchema = z
  .object({
    name: nameText(3, 120),
    email: emailField(),
    mobile: optionalMobile()
      .optional()
      .transform((v) => v ?? null),
    channel: z
      .enum(CODE_CHANNELS, "validation.invalidInput")
      .optional()
      .transform((v) => v ?? "email"),
    nationalCode: nationalCodeField(),
    position: z.enum(APPLICANT_POSITIONS, "applicants.positionRequired"),
    unitNationalId: legalEntityIdField(),
    /** Empty when the deployment serves one province (the form then has no choice to make). */
    provinceId: text()
      .trim()
      .max(40)
      .optional()
      .transform((v) => v || null),
  })
  .refine((v) => v.channel !== "sms" || v.mobile !== null, {
    path: ["mobile"],
    message: "applicants.mobileRequired",
  });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const codeRequestSchema = z.object({ address: addressField() });

/** Six digits, typed in any script. */
export const codeSchema = z.object({
  address: addressField(),
  code: text()
    .transform(normalizeIdDigits)
    .pipe(z.string().regex(/^\d{6}$/, "applicants.codeFormat")),
});
