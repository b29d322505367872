import { z } from "zod";
import { AgencyKind } from "@/lib/generated/prisma/enums";
import {
  nameText,
  optionalMobile,
  optionalName,
  optionalPhone,
  optionalText,
  text,
  versionField,
} from "@/lib/validation";

export { AGENCY_KINDS } from "./constants";

const agencyFields = {
  kind: z.enum(AgencyKind, "validation.required"),
  nameFa: nameText(2, 200),
  nameEn: nameText(2, 200),
  headName: optionalName(120),
  headTitle: optionalName(120),
  headMobile: optionalMobile(),
  phone: optionalPhone(40),
  email: text()
    .trim()
    .toLowerCase()
    .max(200, "validation.tooLong")
    .optional()
    .transform((v) => v || null)
    .pipe(z.email("validation.email").nullable()),
  address: optionalText(400, { multiline: true }),
};

export const createAgencySchema = z.object(agencyFields);
export const updateAgencySchema = z.object({
  ...agencyFields,
  id: text().min(1),
  version: versionField(),
  active: text()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
