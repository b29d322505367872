import { z } from "zod";
import { OBSTACLE_MONEY_KINDS } from "@/lib/outcomes/constants";
import { ObstacleStatus } from "@/lib/generated/prisma/enums";
import { multilineText, optionalWholeNumber, pageField, text } from "@/lib/validation";
import { tidyText } from "@/lib/i18n/normalize";

// Amounts reach trillions of rials, beyond Number's safe range: keep them as bigint.
const amountRials = optionalWholeNumber(10n ** 18n, "obstacles.amountInvalid");

const ids = z
  .union([text(), z.array(text())])
  .optional()
  .transform((v) => [...new Set((Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean))]);

export const createObstacleSchema = z.object({
  unitId: text().min(1),
  categoryId: text().trim().min(1, "obstacles.categoryInvalid"),
  subCategoryId: text()
    .trim()
    .optional()
    .transform((v) => v || null),
  // Kept on several lines, with Persian letters (docs/decisions/030).
  description: multilineText()
    .transform(tidyText)
    .pipe(z.string().min(5, "obstacles.descriptionMin").max(4000, "validation.tooLong")),
  amountRials,
  /** What is asked of a bank, when it is a bank matter (issue #36); blank: not a money matter. */
  moneyKind: z
    .enum(OBSTACLE_MONEY_KINDS, "validation.invalidInput")
    .or(z.literal(""))
    .optional()
    .transform((v) => v || null),
  agencyIds: ids,
});
export type CreateObstacleInput = z.infer<typeof createObstacleSchema>;

export const changeObstacleStatusSchema = z.object({
  id: text().min(1),
  /** The status the user saw, so two people moving one obstacle cannot both win. */
  from: z.enum(ObstacleStatus),
  to: z.enum(ObstacleStatus),
});

export const obstacleFiltersSchema = z.object({
  q: text().trim().max(100).catch("").default(""),
  status: z.enum(ObstacleStatus).optional().catch(undefined),
  open: z.enum(["yes"]).optional().catch(undefined),
  categoryId: text()
    .trim()
    .max(40)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  countyId: text()
    .trim()
    .max(40)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  agencyId: text()
    .trim()
    .max(40)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  page: pageField(),
});
export type ObstacleFilters = z.infer<typeof obstacleFiltersSchema>;
