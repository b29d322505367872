import { z } from "zod";
import { ObstacleStatus } from "@/lib/generated/prisma/enums";
import { nameText, optionalWholeNumber } from "@/lib/validation";

// Amounts reach trillions of rials, beyond Number's safe range: keep them as bigint.
const amountRials = optionalWholeNumber(10n ** 18n, "obstacles.amountInvalid");

const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean))]);

export const createObstacleSchema = z.object({
  unitId: z.string().min(1),
  categoryId: z.string().trim().min(1, "obstacles.categoryInvalid"),
  subCategoryId: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null),
  description: nameText(5, 4000, "obstacles.descriptionMin"),
  amountRials,
  agencyIds: ids,
});
export type CreateObstacleInput = z.infer<typeof createObstacleSchema>;

export const changeObstacleStatusSchema = z.object({
  id: z.string().min(1),
  /** The status the user saw, so two people moving one obstacle cannot both win. */
  from: z.enum(ObstacleStatus),
  to: z.enum(ObstacleStatus),
});

export const obstacleFiltersSchema = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  status: z.enum(ObstacleStatus).optional().catch(undefined),
  open: z.enum(["yes"]).optional().catch(undefined),
  categoryId: z
    .string()
    .trim()
    .max(40)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  countyId: z
    .string()
    .trim()
    .max(40)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  agencyId: z
    .string()
    .trim()
    .max(40)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
export type ObstacleFilters = z.infer<typeof obstacleFiltersSchema>;
