import { z } from "zod";
import { OperatingStatus, Sector } from "@/lib/generated/prisma/enums";
import { createObstacleSchema } from "@/lib/obstacles/schema";
import { legalEntityIdField } from "@/lib/applicants/schema";
import { multilineText, nameText, optionalWholeNumber, text, versionField } from "@/lib/validation";
import { tidyText } from "@/lib/i18n/normalize";
import { parseTrackingCode } from "./tracking";

// One schema per form of a unit's request (issue #32). Messages are message keys.

const id = () => text().trim().min(1, "validation.invalidInput").max(40, "validation.invalidInput");
const optionalChoice = <T extends Record<string, string>>(values: T) =>
  z
    .union([z.enum(values), z.literal("")])
    .optional()
    .transform((v) => v || null);

/** A draft keeps whatever is typed so far; completeness is checked on submission. */
export const requestDetailsSchema = z.object({
  id: id(),
  version: versionField(),
  unitName: z
    .string()
    .optional()
    .transform((v) => v ?? "")
    .pipe(nameText(0, 200)),
  countyId: text()
    .trim()
    .max(40, "validation.invalidInput")
    .optional()
    .transform((v) => v || null),
  sector: optionalChoice(Sector),
  operatingStatus: optionalChoice(OperatingStatus),
  employees: optionalWholeNumber(1_000_000n, "units.numberInvalid").transform((n) =>
    n === null ? null : Number(n),
  ),
});

// The money kind (issue #36) is the secretariat's to set when it accepts the request: a request
// obstacle has no column for it, and an applicant rarely knows the bank's word for it.
export const requestObstacleSchema = createObstacleSchema
  .omit({ unitId: true, moneyKind: true })
  .extend({ requestId: id() });
export type RequestObstacleInput = z.infer<typeof requestObstacleSchema>;

export const removeRequestObstacleSchema = z.object({ requestId: id(), obstacleId: id() });

export const requestRefSchema = z.object({ requestId: id() });

export const submitRequestSchema = z.object({
  requestId: id(),
  declaration: z.literal("on", "requests.declarationRequired"),
});

// The secretariat's intake.
const note = (message: "requests.reasonRequired" | "requests.messageRequired") =>
  multilineText().transform(tidyText).pipe(z.string().min(5, message).max(2000, "validation.tooLong"));

/** `target` is "new" (a unit made from the request) or the id of the unit it matched. */
export const acceptRequestSchema = z.object({ id: id(), target: id() });
export const askDocumentsSchema = z.object({ id: id(), message: note("requests.messageRequired") });
export const rejectRequestSchema = z.object({ id: id(), reason: note("requests.reasonRequired") });
export const duplicateRequestSchema = z.object({
  id: id(),
  /** The national id of the unit whose case is open (typed in any digits), or its record id. */
  unit: text().trim().min(1, "validation.required").max(60, "validation.tooLong"),
});
export const requestAgendaSchema = z.object({ id: id() });

/** The public status page: tracking code plus the unit's national id. */
export const statusLookupSchema = z.object({
  trackingCode: text()
    .max(40, "requests.trackingCodeInvalid")
    .transform((v, ctx) => {
      const code = parseTrackingCode(v);
      if (!code) {
        ctx.addIssue({ code: "custom", message: "requests.trackingCodeInvalid" });
        return z.NEVER;
      }
      return code;
    }),
  unitNationalId: legalEntityIdField(),
});
