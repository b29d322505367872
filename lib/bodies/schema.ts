import { z } from "zod";
import { nameText, optionalName, versionField } from "@/lib/validation";

const id = z.string().trim().min(1, "validation.required").max(64);

/** A form posts one `memberIds` per chosen agency; a single one arrives as a string. */
const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(id).max(200));

export const updateBodySchema = z.object({
  bodyId: id,
  nameFa: nameText(2, 200),
  nameEn: nameText(2, 200),
  chairName: optionalName(200),
  secretaryName: optionalName(200),
  memberIds: ids,
  version: versionField(),
});
export type UpdateBodyInput = z.input<typeof updateBodySchema>;
