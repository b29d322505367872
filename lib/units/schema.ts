import { z } from "zod";
import { STATUS_CAUSES_CHOSEN } from "@/lib/outcomes/constants";
import { OperatingStatus, Sector } from "@/lib/generated/prisma/enums";
import { toLatinDigits } from "@/lib/i18n/format";
import {
  jalaliDateField,
  nameText,
  optionalName,
  optionalPhone,
  optionalText,
  optionalWholeNumber,
  pageField,
  text,
  versionField,
} from "@/lib/validation";

// Messages are message keys, translated where they are shown (lib/forms.ts).
export { SECTORS, OPERATING_STATUSES } from "./constants";

/** An optional count typed in any digit script ("۱۲٬۰۰۰", "12,000"), small enough for a Number. */
const optionalCount = (max: number, message: "units.numberInvalid" | "units.pctInvalid") =>
  optionalWholeNumber(BigInt(max), message).transform((n) => (n === null ? null : Number(n)));

/** National IDs (شناسه ملی) of legal persons have 11 digits; older registrations 10. */
export const nationalIdField = text()
  .trim()
  .optional()
  .transform((v) => (v ? toLatinDigits(v).replace(/[\s\-_]/g, "") : null))
  .refine((v) => v === null || /^\d{10,11}$/.test(v), "units.nationalIdInvalid");

const unitFields = {
  name: nameText(2, 200),
  nationalId: nationalIdField,
  sector: z.enum(Sector, "validation.required"),
  activity: optionalName(200),
  countyId: text().trim().min(1, "units.countyUnknown"),
  industrialPark: optionalName(200),
  employees: optionalCount(1_000_000, "units.numberInvalid"),
  capacityUsePct: optionalCount(100, "units.pctInvalid"),
  managerName: optionalName(120),
  phone: optionalPhone(40),
  address: optionalText(400, { multiline: true }),
  /** Ticked by the user after the duplicate-name warning. */
  confirmDuplicate: text()
    .optional()
    .transform((v) => v === "on" || v === "true"),
};

export const createUnitSchema = z.object({
  ...unitFields,
  status: z.enum(OperatingStatus, "validation.required"),
});
// The operating status is not edited in place: it changes through changeUnitStatus so the
// history (and "units returned to production") stays true.
export const updateUnitSchema = z.object({ ...unitFields, id: text().min(1), version: versionField() });

export const changeUnitStatusSchema = z.object({
  id: text().min(1),
  toStatus: z.enum(OperatingStatus, "validation.required"),
  /** A Jalali date as typed, e.g. "۱۴۰۴/۰۳/۱۰", as an ISO date. */
  changedOn: jalaliDateField("units.dateInvalid"),
  reason: optionalText(500),
  /** What caused it (issue #36); a form without the field is the secretariat's own entry. */
  cause: z.enum(STATUS_CAUSES_CHOSEN, "validation.invalidInput").optional().default("SECRETARIAT"),
});

export const UNIT_SORTS = ["name", "updated", "obstacles", "employees"] as const;
export type UnitSort = (typeof UNIT_SORTS)[number];

/** The unit list's filters, read from the URL: anything unknown is dropped, not an error. */
export const unitFiltersSchema = z.object({
  q: text().trim().max(100).catch("").default(""),
  sector: z.enum(Sector).optional().catch(undefined),
  countyId: text()
    .trim()
    .max(40)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  status: z.enum(OperatingStatus).optional().catch(undefined),
  park: text()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  open: z.enum(["yes", "no"]).optional().catch(undefined),
  sort: z.enum(UNIT_SORTS).catch("name").default("name"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: pageField(),
});
export type UnitFilters = z.infer<typeof unitFiltersSchema>;

export type CreateUnitInput = z.infer<typeof createUnitSchema>;
export type UpdateUnitInput = z.infer<typeof updateUnitSchema>;
