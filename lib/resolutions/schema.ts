import { z } from "zod";
import { collectMilestoneTicks, refineMoney, reportOutcomeFields } from "@/lib/outcomes/schema";
import { jalaliDateField, multilineText, optionalJalaliDateField, pageField, text } from "@/lib/validation";

// Messages are message keys, translated where they are shown (client and server alike).

/** Every follow-up form names the resolution and the `version` the user read. */
const target = {
  id: text().trim().min(1, "validation.required"),
  version: z.coerce.number().int("validation.invalidInput").min(1, "validation.invalidInput"),
};

const note = multilineText().trim().min(10, "resolutions.v.noteMin").max(4000, "validation.tooLong");
const reason = multilineText().trim().min(10, "resolutions.v.reasonMin").max(2000, "validation.tooLong");

const jalaliDateInput = jalaliDateField("resolutions.v.jalaliDate");

/** What an agency may move a resolution to when it reports. */
export const REPORT_STATUSES = ["IN_PROGRESS", "DONE_REPORTED"] as const;

/**
 * An agency's report: a note and the status, and what it achieved (issue #36): milestones
 * ticked, a stated percentage, money moved by a bank (lib/outcomes/schema.ts).
 */
export const reportProgressSchema = z.preprocess(
  collectMilestoneTicks,
  z
    .object({
      ...target,
      note,
      toStatus: z.enum(REPORT_STATUSES, "resolutions.v.status"),
      ...reportOutcomeFields,
    })
    .superRefine(refineMoney),
);

export const requestExtensionSchema = z.object({
  ...target,
  newDeadline: jalaliDateInput,
  reason,
});

export const decideExtensionSchema = z
  .object({
    ...target,
    extensionId: text().trim().min(1, "validation.required"),
    decision: z.enum(["APPROVE", "REJECT"]),
    note: multilineText().trim().max(2000, "validation.tooLong").optional().default(""),
  })
  .superRefine((v, ctx) => {
    // A refusal must say why: the agency reads it on the resolution's page.
    if (v.decision === "REJECT" && v.note.length < 10)
      ctx.addIssue({ code: "custom", path: ["note"], message: "resolutions.v.reasonMin" });
  });

export const verifySchema = z
  .object({
    ...target,
    decision: z.enum(["VERIFY", "REOPEN"]),
    note: multilineText().trim().max(2000, "validation.tooLong").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "REOPEN" && v.note.length < 10)
      ctx.addIssue({ code: "custom", path: ["note"], message: "resolutions.v.reasonMin" });
  });

export type ReportProgressInput = z.infer<typeof reportProgressSchema>;

const optionalId = text()
  .trim()
  .optional()
  .transform((v) => v || undefined);

export const RESOLUTION_STATUSES = [
  "ISSUED",
  "IN_PROGRESS",
  "DONE_REPORTED",
  "VERIFIED",
  "CANCELLED",
] as const;

/**
 * The register's and the inbox's filters, read from the URL. Anything malformed is dropped
 * rather than refused: a hand-edited URL still shows a list.
 */
export const resolutionFilterSchema = z.object({
  agencyId: optionalId,
  status: z.enum(RESOLUTION_STATUSES).optional().catch(undefined),
  overdue: text()
    .optional()
    .transform((v) => v === "1" || v === "on"),
  meetingId: optionalId,
  unitId: optionalId,
  categoryId: optionalId,
  from: optionalJalaliDateField(),
  to: optionalJalaliDateField(),
  page: pageField(),
});
export type ResolutionFilter = z.infer<typeof resolutionFilterSchema>;

/** The secretariat chases one resolution, or every open one of an agency. */
export const remindResolutionSchema = z.object({ id: text().trim().min(1, "validation.required") });
export const remindAgencySchema = z.object({ agencyId: text().trim().min(1, "validation.required") });

/** An agency hands a resolution back: not its remit. */
export const returnResolutionSchema = z.object({ ...target, reason });

/** The secretariat reassigns a returned resolution to another agency, or refuses the return. */
export const decideReturnSchema = z
  .object({
    ...target,
    returnId: text().trim().min(1, "validation.required"),
    decision: z.enum(["REASSIGN", "REJECT"]),
    toAgencyId: text().trim().optional().default(""),
    /** The new agency's deadline: a reassignment starts its clock afresh (issue #30). */
    newDeadline: optionalJalaliDateField(),
    note: multilineText().trim().max(2000, "validation.tooLong").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "REASSIGN" && !v.toAgencyId)
      ctx.addIssue({ code: "custom", path: ["toAgencyId"], message: "validation.required" });
    if (v.decision === "REASSIGN" && !v.newDeadline)
      ctx.addIssue({
        code: "custom",
        path: ["newDeadline"],
        message: "resolutions.returns.deadlineRequired",
      });
    if (v.decision === "REJECT" && v.note.length < 10)
      ctx.addIssue({ code: "custom", path: ["note"], message: "resolutions.v.reasonMin" });
  });
