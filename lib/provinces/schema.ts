import { z } from "zod";
import { optionalJalaliDateField } from "@/lib/validation";

// Messages are message keys, translated where they are shown (client and server alike).

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "validation.required")
  .max(200, "validation.tooLong")
  .pipe(z.email("validation.email"));

/** "نام فارسی | English name" per line; an English name may be left out. */
const counties = z
  .string()
  .max(10_000, "validation.tooLong")
  .optional()
  .transform((text, ctx) => {
    const lines = (text ?? "")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const out: { nameFa: string; nameEn: string }[] = [];
    for (const line of lines) {
      const [fa = "", en = ""] = line.split("|").map((p) => p.trim());
      if (fa.length < 2 || fa.length > 100 || en.length > 100) {
        ctx.addIssue({ code: "custom", message: "provinces.admin.countiesInvalid" });
        return z.NEVER;
      }
      if (!out.some((c) => c.nameFa === fa)) out.push({ nameFa: fa, nameEn: en || fa });
    }
    return out;
  });

/** A new province and the secretariat user who will set up the rest (agencies, units, …). */
export const createProvinceSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,10}$/, "provinces.admin.codeInvalid"),
  nameFa: z.string().trim().min(2, "validation.nameMin").max(100, "validation.tooLong"),
  nameEn: z.string().trim().min(2, "validation.nameMin").max(100, "validation.tooLong"),
  counties,
  secretariatName: z.string().trim().min(2, "validation.nameMin").max(120, "validation.tooLong"),
  secretariatEmail: email,
  secretariatPassword: z.string().min(10, "validation.passwordMin").max(200, "validation.tooLong"),
});
export type CreateProvinceInput = z.infer<typeof createProvinceSchema>;

export const PROVINCE_SORTS = [
  "name",
  "open",
  "overdue",
  "onTime",
  "medianDaysLate",
  "unitsReturned",
  "jobsKept",
  "jobsCreated",
  "sessionsHeld",
  "headsPct",
] as const;
export type ProvinceSort = (typeof PROVINCE_SORTS)[number];

/** The comparison's period (session dates, Jalali in the URL) and its order. */
export const comparisonFilterSchema = z.object({
  from: optionalJalaliDateField(),
  to: optionalJalaliDateField(),
  sort: z.enum(PROVINCE_SORTS).catch("overdue").default("overdue"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  /** Delays in calendar or working days, as on the dashboard (docs/decisions/103). */
  late: z.enum(["calendar", "working"]).catch("calendar").default("calendar"),
});
export type ComparisonFilters = z.infer<typeof comparisonFilterSchema>;
