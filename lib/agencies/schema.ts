import { z } from "zod";
import { AgencyKind } from "@/lib/generated/prisma/enums";
import { nameText, optionalName, optionalPhone, optionalText } from "@/lib/validation";

export const AGENCY_KINDS = Object.values(AgencyKind);

const agencyFields = {
  kind: z.enum(AgencyKind, "validation.required"),
  nameFa: nameText(2, 200),
  nameEn: nameText(2, 200),
  headName: optionalName(120),
  phone: optionalPhone(40),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(200, "validation.tooLong")
    .optional()
    .transform((v) => v || null)
    .pipe(z.email("validation.email").nullable()),
  address: optionalText(400),
};

export const createAgencySchema = z.object(agencyFields);
export const updateAgencySchema = z.object({
  ...agencyFields,
  id: z.string().min(1),
  active: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
