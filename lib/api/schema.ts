import { z } from "zod";
import {
  BodyKind,
  MeetingStatus,
  ObstacleStatus,
  OperatingStatus,
  ResolutionStatus,
  Sector,
} from "@/lib/generated/prisma/enums";
import { REPORT_STATUSES } from "@/lib/resolutions/schema";

// The API's contract, in one place: the server validates every query and body with these
// schemas, and lib/api/openapi.ts turns the same schemas into the OpenAPI document, so the
// document cannot say something the server does not enforce (docs/decisions/073).
//
// Query filters are the register's (the UI's list pages) under the same names, but strict: a
// malformed value is a 400 here, where the UI drops it so a stale link still opens.

const id = (description: string) => z.string().trim().min(1).max(64).optional().meta({ description });

const page = {
  cursor: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "The nextCursor of the previous page; omit for the first page." }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .meta({ description: "Rows per page, 1–200 (default 50)." }),
};

export const unitQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional().meta({
    description: "Part of the name (Persian letters normalised) or the start of the national id.",
  }),
  sector: z.enum(Sector).optional(),
  countyId: id("County id."),
  status: z.enum(OperatingStatus).optional().meta({ description: "Operating status." }),
  park: z.string().trim().max(200).optional().meta({ description: "Industrial park, exactly." }),
  open: z.enum(["yes", "no"]).optional().meta({ description: "Has open obstacles (yes) or none (no)." }),
  ...page,
});

export const obstacleQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional().meta({ description: "Part of the description." }),
  status: z.enum(ObstacleStatus).optional(),
  open: z.enum(["yes"]).optional().meta({ description: "Only open obstacles (when status is not given)." }),
  categoryId: id("Obstacle category id."),
  countyId: id("County of the unit."),
  agencyId: id("An agency concerned."),
  ...page,
});

export const sessionQuerySchema = z.strictObject({
  body: z.enum(BodyKind).optional().meta({ description: "Working group or committee." }),
  status: z.enum(MeetingStatus).optional(),
  year: z.coerce.number().int().min(1300).max(1500).optional().meta({ description: "Jalali year." }),
  ...page,
});

export const resolutionQuerySchema = z.strictObject({
  agencyId: id("Responsible agency."),
  status: z.enum(ResolutionStatus).optional(),
  overdue: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "true: only open resolutions whose deadline (Tehran date) has passed." }),
  sessionId: id("The session that issued it."),
  unitId: id("Production unit."),
  categoryId: id("Obstacle category (or sub-category) of a linked obstacle."),
  from: z.iso.date().optional().meta({ description: "Deadline on or after this date (YYYY-MM-DD)." }),
  to: z.iso.date().optional().meta({ description: "Deadline on or before this date (YYYY-MM-DD)." }),
  ...page,
});

/**
 * A progress or done report from an agency's system (multipart/form-data or JSON); the
 * domain's reportProgressSchema validates it once more inside reportProgress(). Messages are
 * message keys, as in the forms, so the problem's per-field errors are localised too.
 */
export const reportBodySchema = z.object({
  status: z.enum(REPORT_STATUSES, "resolutions.v.status").meta({
    description: "IN_PROGRESS for a progress report, DONE_REPORTED when the work is done (needs evidence).",
  }),
  note: z
    .string()
    .trim()
    .min(10, "resolutions.v.noteMin")
    .max(4000, "validation.tooLong")
    .meta({ description: "What was done, at least 10 characters." }),
  version: z.coerce.number("validation.invalidInput").int().min(1).optional().meta({
    description:
      "The resolution's version you read; a stale one answers 409. Omit to report on the current version.",
  }),
});

// ─── Answers ────────────────────────────────────────────────────────────────

const timestamp = z.iso.datetime({ offset: true });
const named = z.object({ id: z.string(), nameFa: z.string(), nameEn: z.string() });

export const unitSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nationalId: z.string().nullable(),
    sector: z.enum(Sector),
    status: z.enum(OperatingStatus),
    activity: z.string().nullable(),
    industrialPark: z.string().nullable(),
    employees: z.number().int().nullable(),
    capacityUsePct: z.number().int().nullable(),
    county: named,
    openObstacles: z.number().int(),
    updatedAt: timestamp,
  })
  .meta({ id: "Unit", description: "A production unit (واحد تولیدی)." });

export const obstacleSchema = z
  .object({
    id: z.string(),
    unit: z.object({ id: z.string(), name: z.string() }),
    category: z.object({ code: z.string(), nameFa: z.string(), nameEn: z.string() }),
    subCategory: z.object({ code: z.string(), nameFa: z.string(), nameEn: z.string() }).nullable(),
    description: z.string(),
    amountRials: z.string().nullable().meta({ description: "Whole rials as a decimal string." }),
    status: z.enum(ObstacleStatus),
    agencies: z.array(named),
    createdAt: timestamp,
  })
  .meta({ id: "Obstacle", description: "An obstacle of a unit (مانع)." });

export const sessionSchema = z
  .object({
    id: z.string(),
    body: z.enum(BodyKind),
    jalaliYear: z.number().int(),
    number: z.number().int(),
    startsAt: timestamp,
    place: z.string().nullable(),
    status: z.enum(MeetingStatus),
    minutesApprovedAt: timestamp.nullable(),
    agendaItems: z.number().int(),
    resolutions: z.number().int(),
  })
  .meta({ id: "Session", description: "A session of the working group or its committee (جلسه)." });

export const progressReportSchema = z
  .object({
    id: z.string(),
    note: z.string(),
    fromStatus: z.enum(ResolutionStatus),
    toStatus: z.enum(ResolutionStatus),
    author: z.string().nullable(),
    createdAt: timestamp,
    attachments: z.array(z.object({ id: z.string(), fileName: z.string(), sizeBytes: z.number().int() })),
  })
  .meta({ id: "ProgressReport" });

export const resolutionSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    status: z.enum(ResolutionStatus),
    version: z.number().int().meta({ description: "Send it back with a report (optimistic concurrency)." }),
    deadline: z.iso.date().meta({ description: "A calendar date in Asia/Tehran." }),
    overdue: z.boolean().meta({ description: "Open and past its deadline; derived, never stored." }),
    daysUntilDeadline: z.number().int().meta({ description: "Negative when late." }),
    doneReportedAt: timestamp.nullable(),
    verifiedAt: timestamp.nullable(),
    session: z.object({
      id: z.string(),
      body: z.enum(BodyKind),
      jalaliYear: z.number().int(),
      number: z.number().int(),
    }),
    unit: z.object({ id: z.string(), name: z.string() }),
    responsibleAgency: named,
    supportingAgencies: z.array(named),
    obstacleIds: z.array(z.string()),
    pendingExtension: z
      .object({ requestedDeadline: z.iso.date(), createdAt: timestamp })
      .nullable()
      .meta({ description: "An extension request awaiting the secretariat's decision." }),
    progressReports: z.array(progressReportSchema).meta({ description: "Newest first (at most 50)." }),
  })
  .meta({ id: "Resolution", description: "A resolution (مصوبه) with its follow-up." });

const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      data: z.array(item),
      nextCursor: z.string().nullable().meta({ description: "Null on the last page." }),
    })
    .meta({ id: name });

export const unitPageSchema = pageOf(unitSchema, "UnitPage");
export const obstaclePageSchema = pageOf(obstacleSchema, "ObstaclePage");
export const sessionPageSchema = pageOf(sessionSchema, "SessionPage");
export const resolutionPageSchema = pageOf(resolutionSchema, "ResolutionPage");

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: "In the language asked for with Accept-Language (fa, en)." }),
    instance: z.string().optional(),
    errors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Per-field messages." }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

export type UnitOut = z.infer<typeof unitSchema>;
export type ObstacleOut = z.infer<typeof obstacleSchema>;
export type SessionOut = z.infer<typeof sessionSchema>;
export type ResolutionOut = z.infer<typeof resolutionSchema>;
